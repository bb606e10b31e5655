namespace Bilingual.Core.Documents;

/// <summary>A source article as read from disk: metadata and paragraphs in reading order.</summary>
/// <param name="Name">The file name without extension; every output of the article is named after it.</param>
/// <param name="SourcePath">The path the article was read from.</param>
/// <param name="Language">The source language tag (BCP 47, e.g. <c>nl</c>).</param>
/// <param name="Metadata">Metadata tokens found before the first paragraph.</param>
/// <param name="Paragraphs">The paragraphs, headings included, in reading order.</param>
public sealed record Article(
    string Name,
    string SourcePath,
    string Language,
    ArticleMetadata Metadata,
    IReadOnlyList<Paragraph> Paragraphs);

/// <summary>Metadata that travels with an article into every output.</summary>
/// <param name="Date">The publication date as written (<c>YYYY-MM</c> or <c>YYYY-MM-DD</c>), or null.</param>
public sealed record ArticleMetadata(string? Date)
{
    /// <summary>No metadata.</summary>
    public static ArticleMetadata None { get; } = new((string?)null);

    /// <summary>The metadata line as the article format writes it (<c>date 2023-04</c>), or null when there is none.</summary>
    public string? ToLine() => Date is null ? null : $"date {Date}";
}

/// <summary>One paragraph of an article.</summary>
/// <param name="Index">The 0-based position of the paragraph in its article.</param>
/// <param name="Text">The paragraph text, trimmed, with no line breaks.</param>
/// <param name="IsHeading">True for a short paragraph without final sentence punctuation.</param>
public sealed record Paragraph(int Index, string Text, bool IsHeading);
