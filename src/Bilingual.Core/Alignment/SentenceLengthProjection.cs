using Bilingual.Core.Documents;

namespace Bilingual.Core.Alignment;

/// <summary>
/// For a backend that says where its sentences are (Azure AI Translator's <c>sentLen</c>: the UTF-16 lengths
/// of the source and translated sentences, trailing whitespace included, summing to the text lengths), cuts the
/// translation into target segments and aligns them with our own source segments without guessing: beads are
/// 1-1 where the backend's source sentences coincide with ours and n-m where the two segmentations disagree.
/// </summary>
internal static class SentenceLengthProjection
{
    /// <summary>Confidence of a bead whose source side is exactly one backend sentence: the backend aligned it itself.</summary>
    public const double ExactConfidence = 0.99;

    /// <summary>Confidence of a bead merged because the two segmentations disagree: right, but coarser than a reviewer would like.</summary>
    public const double MergedConfidence = 0.9;

    /// <summary>Projects the backend's sentence boundaries onto <paramref name="sourceSegments"/>.</summary>
    /// <exception cref="ArgumentException">The lengths do not describe the texts (counts differ or sums differ from the text lengths).</exception>
    public static (IReadOnlyList<Segment> Target, IReadOnlyList<Bead> Beads) Project(
        string sourceText,
        IReadOnlyList<Segment> sourceSegments,
        string targetText,
        IReadOnlyList<int> srcLens,
        IReadOnlyList<int> transLens)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        ArgumentNullException.ThrowIfNull(sourceSegments);
        ArgumentNullException.ThrowIfNull(targetText);
        ArgumentNullException.ThrowIfNull(srcLens);
        ArgumentNullException.ThrowIfNull(transLens);
        if (srcLens.Count != transLens.Count)
        {
            throw new ArgumentException($"The backend gave {srcLens.Count} source sentence lengths and {transLens.Count} translated ones.", nameof(transLens));
        }

        if (srcLens.Sum() != sourceText.Length || transLens.Sum() != targetText.Length || srcLens.Any(l => l < 0) || transLens.Any(l => l < 0))
        {
            throw new ArgumentException(
                $"The backend's sentence lengths sum to {srcLens.Sum()} and {transLens.Sum()}, the texts are {sourceText.Length} and {targetText.Length} long.",
                nameof(srcLens));
        }

        // The target segments: each backend sentence without its surrounding whitespace; a sentence of whitespace only gives none.
        var target = new List<Segment>();
        var targetOf = new List<int>[transLens.Count];
        var start = 0;
        for (var k = 0; k < transLens.Count; k++)
        {
            targetOf[k] = [];
            var (trimmedStart, trimmedLength) = Trim(targetText, start, transLens[k]);
            if (trimmedLength > 0)
            {
                targetOf[k].Add(target.Count);
                target.Add(new Segment(target.Count, trimmedStart, targetText.Substring(trimmedStart, trimmedLength)));
            }

            start += transLens[k];
        }

        // Group backend sentences and our segments between boundaries both segmentations share. A backend boundary
        // lies after the trailing whitespace of its sentence, ours at the start of the next segment: they coincide
        // when only whitespace separates them.
        var beads = new List<Bead>();
        var backendEnd = 0;
        var groupSources = new List<int>();
        var groupTargets = new List<int>();
        var groupBackendSentences = 0;
        var segment = 0;
        for (var k = 0; k < srcLens.Count; k++)
        {
            backendEnd += srcLens[k];
            groupBackendSentences++;
            groupTargets.AddRange(targetOf[k]);
            while (segment < sourceSegments.Count && sourceSegments[segment].End <= backendEnd)
            {
                groupSources.Add(segment++);
            }

            var nextStart = segment < sourceSegments.Count ? sourceSegments[segment].Start : sourceText.Length;
            var closed = k == srcLens.Count - 1 || (nextStart >= backendEnd && IsWhitespace(sourceText, backendEnd, nextStart));
            if (closed && (groupSources.Count > 0 || groupTargets.Count > 0))
            {
                var exact = groupBackendSentences == 1 && groupSources.Count <= 1;
                beads.Add(new Bead([.. groupSources], [.. groupTargets], exact ? ExactConfidence : MergedConfidence));
                groupSources.Clear();
                groupTargets.Clear();
            }

            if (closed)
            {
                groupBackendSentences = 0;
            }
        }

        // Segments past the last backend sentence (only possible when our segments overrun the text) stay 1-0.
        for (; segment < sourceSegments.Count; segment++)
        {
            beads.Add(new Bead([segment], [], MergedConfidence));
        }

        return (target, beads);
    }

    private static (int Start, int Length) Trim(string text, int start, int length)
    {
        var end = start + length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    private static bool IsWhitespace(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }
}
