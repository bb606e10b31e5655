using Bilingual.Core.Documents;

namespace Bilingual.Core.Segmentation;

/// <summary>Turns break offsets into <see cref="Segment"/>s, trimming the whitespace between them.</summary>
internal static class SegmentList
{
    /// <summary>
    /// Cuts <paramref name="text"/> at <paramref name="breaks"/> (ascending offsets strictly inside the
    /// text), trims each piece and drops the pieces that are whitespace only.
    /// </summary>
    public static IReadOnlyList<Segment> FromBreaks(string text, IReadOnlyList<int> breaks)
    {
        var segments = new List<Segment>(breaks.Count + 1);
        var start = 0;
        for (var i = 0; i <= breaks.Count; i++)
        {
            var end = i < breaks.Count ? breaks[i] : text.Length;
            Add(segments, text, start, end);
            start = end;
        }

        return segments;
    }

    private static void Add(List<Segment> segments, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            segments.Add(new Segment(segments.Count, start, text[start..end]));
        }
    }
}
