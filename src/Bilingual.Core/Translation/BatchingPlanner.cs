namespace Bilingual.Core.Translation;

/// <summary>
/// Packs texts into as few backend requests as the backend's limits allow. Both limits (texts per request and
/// characters per request) make this a two-dimensional bin-packing problem; first-fit decreasing is within
/// 11/9 of the optimum in the worst case and, with paragraphs far smaller than a request, reaches the lower
/// bound <c>max(⌈characters / MaxCharacters⌉, ⌈texts / MaxElements⌉)</c> in practice.
/// </summary>
internal static class BatchingPlanner
{
    /// <summary>
    /// Packs <paramref name="items"/> (already no longer than <see cref="TranslatorLimits.MaxCharacters"/> each)
    /// into batches. Each batch keeps its items in input order, and the batches are ordered by their first
    /// item, so requests still follow the reading order roughly.
    /// </summary>
    /// <param name="items">The items in input order.</param>
    /// <param name="lengthOf">An item's size in characters.</param>
    /// <param name="limits">The backend's limits.</param>
    public static IReadOnlyList<IReadOnlyList<T>> Pack<T>(IReadOnlyList<T> items, Func<T, int> lengthOf, TranslatorLimits limits)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(lengthOf);
        ArgumentNullException.ThrowIfNull(limits);

        var order = Enumerable.Range(0, items.Count)
            .OrderByDescending(i => lengthOf(items[i]))
            .ThenBy(i => i)
            .ToArray();

        var bins = new List<Bin>();
        // Bins before this one are full by element count or have no room left for the smallest text seen so far;
        // skipping them keeps the scan near-linear for large jobs.
        var firstOpen = 0;
        foreach (var index in order)
        {
            var length = lengthOf(items[index]);
            Bin? target = null;
            for (var b = firstOpen; b < bins.Count; b++)
            {
                var bin = bins[b];
                if (bin.Items.Count < limits.MaxElements && bin.Characters + length <= limits.MaxCharacters)
                {
                    target = bin;
                    break;
                }
            }

            if (target is null)
            {
                target = new Bin();
                bins.Add(target);
            }

            target.Items.Add(index);
            target.Characters += length;
            // Items arrive longest first, so a bin that cannot take this one may still take a later, shorter one,
            // unless it is full by count or completely full.
            while (firstOpen < bins.Count
                   && (bins[firstOpen].Items.Count >= limits.MaxElements || bins[firstOpen].Characters >= limits.MaxCharacters))
            {
                firstOpen++;
            }
        }

        return bins
            .Select(bin => { bin.Items.Sort(); return bin; })
            .OrderBy(bin => bin.Items[0])
            .Select(bin => (IReadOnlyList<T>)bin.Items.Select(i => items[i]).ToArray())
            .ToArray();
    }

    private sealed class Bin
    {
        public List<int> Items { get; } = [];

        public long Characters { get; set; }
    }
}
