using Bilingual.Core.Documents;

namespace Bilingual.Core.Segmentation;

/// <summary>Splits a paragraph into sentences.</summary>
public interface ISentenceSegmenter
{
    /// <summary>
    /// Splits <paramref name="text"/> into sentences. Every non-whitespace character lands in exactly one
    /// segment, and the text between two segments is whitespace only, so the paragraph can be rebuilt
    /// from the segments' offsets.
    /// </summary>
    /// <param name="text">One paragraph.</param>
    /// <param name="language">The language tag of the text, e.g. <c>nl</c> or <c>en</c>.</param>
    IReadOnlyList<Segment> Split(string text, string language);
}
