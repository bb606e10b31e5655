namespace Bilingual.Core.Documents;

/// <summary>A sentence (or heading) inside a paragraph, with its position so later stages can map back.</summary>
/// <param name="Index">The 0-based position of the segment in its paragraph.</param>
/// <param name="Start">The offset of the first character in the paragraph text, in UTF-16 code units.</param>
/// <param name="Text">The segment text, without the whitespace that separates it from its neighbours.</param>
public sealed record Segment(int Index, int Start, string Text)
{
    /// <summary>The length of the segment in UTF-16 code units.</summary>
    public int Length => Text.Length;

    /// <summary>The offset just past the last character in the paragraph text.</summary>
    public int End => Start + Text.Length;
}
