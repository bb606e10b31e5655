namespace Bilingual.Core.Documents;

/// <summary>
/// A source document aligned with its translation, paragraph by paragraph: what every writer renders.
/// Produced both by the translate pipeline (machine translation) and by the align command (an
/// existing human translation).
/// </summary>
/// <param name="Name">The document name; outputs are <c>&lt;Name&gt;.en.txt</c>, <c>&lt;Name&gt;.html</c>, <c>&lt;Name&gt;.tmx</c>.</param>
/// <param name="SourceLanguage">The source language tag, e.g. <c>nl</c>.</param>
/// <param name="TargetLanguage">The target language tag, e.g. <c>en</c>.</param>
/// <param name="Metadata">Article metadata, carried into every output.</param>
/// <param name="Paragraphs">The aligned paragraphs in reading order.</param>
/// <param name="Provenance">Where the target text came from.</param>
/// <param name="CreatedAt">When the document was produced (UTC); TMX creation dates use it.</param>
public sealed record BilingualDocument(
    string Name,
    string SourceLanguage,
    string TargetLanguage,
    ArticleMetadata Metadata,
    IReadOnlyList<AlignedParagraph> Paragraphs,
    Provenance Provenance,
    DateTimeOffset CreatedAt);

/// <summary>A source paragraph, its translation, their sentences and the beads between them.</summary>
/// <param name="Index">The 0-based position of the paragraph.</param>
/// <param name="IsHeading">True when the paragraph is a heading.</param>
/// <param name="SourceText">The source paragraph text.</param>
/// <param name="TargetText">The target paragraph text.</param>
/// <param name="SourceSegments">The source sentences.</param>
/// <param name="TargetSegments">The target sentences.</param>
/// <param name="Beads">The alignment of <paramref name="SourceSegments"/> with <paramref name="TargetSegments"/>; indices are local to the paragraph.</param>
public sealed record AlignedParagraph(
    int Index,
    bool IsHeading,
    string SourceText,
    string TargetText,
    IReadOnlyList<Segment> SourceSegments,
    IReadOnlyList<Segment> TargetSegments,
    IReadOnlyList<Bead> Beads);

/// <summary>Where a document's target text came from, for the outputs to state.</summary>
/// <param name="Backend">The backend name (<c>azure</c>, <c>offline</c> …) or <c>human</c> for an existing translation.</param>
/// <param name="Version">The backend version or model, as it is part of the cache key.</param>
/// <param name="IsGloss">True when the target is a word-by-word gloss rather than a translation; the outputs say so.</param>
/// <param name="BackendCalls">How many backend requests this document caused in this run.</param>
/// <param name="CacheHits">How many of its paragraphs came from the translation cache.</param>
public sealed record Provenance(string Backend, string Version, bool IsGloss, int BackendCalls = 0, int CacheHits = 0);
