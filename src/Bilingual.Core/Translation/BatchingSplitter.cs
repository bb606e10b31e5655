using Bilingual.Core.Segmentation;

namespace Bilingual.Core.Translation;

/// <summary>
/// Cuts a paragraph that is too long for one backend request into pieces at sentence boundaries, falling back
/// to whitespace and, for a single unbroken run of characters, to a hard cut that never splits a surrogate pair.
/// </summary>
/// <param name="segmenter">The sentence segmenter when one is registered; otherwise a simple boundary finder is used.</param>
/// <param name="language">The language tag of the texts.</param>
internal sealed class BatchingSplitter(ISentenceSegmenter? segmenter, string language)
{
    /// <summary>
    /// Cuts <paramref name="text"/> into consecutive ranges that cover it exactly. Each range's content (the
    /// range without its trailing whitespace, except for the last range) is at most <paramref name="maxLength"/>.
    /// </summary>
    /// <returns>The cut positions: the start of every range after the first, ascending.</returns>
    public IReadOnlyList<int> CutsToFit(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        var sentenceStarts = SentenceStarts(text);
        var cuts = new List<int>();
        var position = 0;
        while (text.Length - position > maxLength)
        {
            var cut = FarthestFitting(text, position, maxLength, sentenceStarts)
                      ?? FarthestFitting(text, position, maxLength, WhitespaceStarts(text, position, position + maxLength + 1))
                      ?? HardCut(text, position + maxLength, position);
            cuts.Add(cut);
            position = cut;
        }

        return cuts;
    }

    /// <summary>
    /// Chooses where to cut the range <c>[start, end)</c> of <paramref name="text"/> in two: the sentence
    /// boundary nearest its middle, else the whitespace nearest its middle, else the middle itself.
    /// </summary>
    /// <returns>The cut position, or null when the range is too short to cut.</returns>
    public int? Halve(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (end - start < 2)
        {
            return null;
        }

        var middle = start + ((end - start) / 2);
        var inside = SentenceStarts(text).Where(c => c > start && c < end).ToList();
        if (inside.Count == 0)
        {
            inside = WhitespaceStarts(text, start, end).ToList();
        }

        return inside.Count > 0
            ? inside.MinBy(c => Math.Abs(c - middle))
            : HardCut(text, middle, start);
    }

    /// <summary>The length of <c>[start, end)</c> without its trailing whitespace.</summary>
    public static int ContentEnd(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private IReadOnlyList<int> SentenceStarts(string text)
    {
        if (segmenter is not null)
        {
            return segmenter.Split(text, language).Select(s => s.Start).Where(s => s > 0).ToArray();
        }

        // A sentence ends at . ! or ? (and any closing quotes or brackets) followed by whitespace; the next one
        // starts at the first non-whitespace character after it.
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var j = i + 1;
            while (j < text.Length && text[j] is '"' or '\'' or '’' or '”' or '»' or ')')
            {
                j++;
            }

            if (j >= text.Length || !char.IsWhiteSpace(text[j]))
            {
                continue;
            }

            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            if (j < text.Length)
            {
                starts.Add(j);
            }

            i = j - 1;
        }

        return starts;
    }

    private static IEnumerable<int> WhitespaceStarts(string text, int from, int to)
    {
        to = Math.Min(to, text.Length);
        for (var i = from + 1; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && char.IsWhiteSpace(text[i - 1]))
            {
                yield return i;
            }
        }
    }

    private static int? FarthestFitting(string text, int position, int maxLength, IEnumerable<int> candidates)
    {
        int? best = null;
        foreach (var cut in candidates)
        {
            if (cut <= position)
            {
                continue;
            }

            if (ContentEnd(text, position, cut) - position > maxLength)
            {
                break;
            }

            best = cut;
        }

        return best;
    }

    // Never between the two halves of a surrogate pair, and always past the start.
    private static int HardCut(string text, int cut, int start) =>
        char.IsLowSurrogate(text[cut]) ? (cut - 1 > start ? cut - 1 : cut + 1) : cut;
}
