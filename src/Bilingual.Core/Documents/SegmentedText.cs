namespace Bilingual.Core.Documents;

/// <summary>A text split into paragraphs and sentences: one side of a pair to align.</summary>
/// <param name="Path">The file it was read from (or the name it goes by).</param>
/// <param name="Metadata">The article's metadata, or <see cref="ArticleMetadata.None"/>.</param>
/// <param name="Paragraphs">The paragraphs in reading order.</param>
public sealed record SegmentedText(string Path, ArticleMetadata Metadata, IReadOnlyList<SegmentedParagraph> Paragraphs)
{
    /// <summary>The sentences of each paragraph, as the aligner takes them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sentences => [.. Paragraphs.Select(p => (IReadOnlyList<string>)[.. p.Segments.Select(s => s.Text)])];

    /// <summary>The number of sentences in all.</summary>
    public int SentenceCount => Paragraphs.Sum(p => p.Segments.Count);
}

/// <summary>A paragraph with its sentences.</summary>
/// <param name="Index">The 0-based position of the paragraph.</param>
/// <param name="Text">The paragraph text.</param>
/// <param name="IsHeading">True for a heading (the article reader's rule).</param>
/// <param name="Segments">The sentences, with their offsets in <paramref name="Text"/>.</param>
public sealed record SegmentedParagraph(int Index, string Text, bool IsHeading, IReadOnlyList<Segment> Segments);
