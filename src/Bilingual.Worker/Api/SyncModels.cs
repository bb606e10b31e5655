namespace Bilingual.Worker.Api;

/// <summary>The body of <c>POST /v1/translate</c>: one short article.</summary>
/// <param name="Text">The article in the article format.</param>
/// <param name="Name">Its name (default <c>article</c>).</param>
/// <param name="Backend">The backend, or null for the configured one.</param>
/// <param name="From">The source language, or null for the configured one.</param>
/// <param name="To">The target language, or null for the configured one.</param>
public sealed record TranslateRequest(string Text, string? Name = null, string? Backend = null, string? From = null, string? To = null);

/// <summary>The answer of <c>POST /v1/translate</c>.</summary>
/// <param name="Edition">The English edition, as <c>&lt;name&gt;.en.txt</c> holds it.</param>
/// <param name="Backend">The backend that translated it.</param>
/// <param name="IsGloss">True when the translation is a word-by-word gloss.</param>
/// <param name="CacheHits">Paragraphs answered from the cache.</param>
/// <param name="BackendRequests">Backend requests it caused.</param>
/// <param name="Paragraphs">Every paragraph's sentences and beads.</param>
public sealed record TranslateResponse(string Edition, string Backend, bool IsGloss, int CacheHits, int BackendRequests, IReadOnlyList<ParagraphBeads> Paragraphs);

/// <summary>One paragraph of an aligned answer.</summary>
/// <param name="Heading">True for a heading.</param>
/// <param name="Source">The source sentences.</param>
/// <param name="Target">The target sentences.</param>
/// <param name="Beads">The beads, indices into the two lists.</param>
public sealed record ParagraphBeads(bool Heading, IReadOnlyList<string> Source, IReadOnlyList<string> Target, IReadOnlyList<BeadView> Beads);

/// <summary>One bead.</summary>
/// <param name="Source">Source sentence indices.</param>
/// <param name="Target">Target sentence indices.</param>
/// <param name="Confidence">The aligner's posterior, 0–1 (alignment confidence, not translation quality).</param>
/// <param name="Flags">The QA flags' kinds (<c>number</c>, <c>glossary</c> …).</param>
public sealed record BeadView(IReadOnlyList<int> Source, IReadOnlyList<int> Target, double Confidence, IReadOnlyList<string> Flags);

/// <summary>The body of <c>POST /v1/align</c>: a source, its existing translation and optionally a machine translation of the source.</summary>
/// <param name="Source">The source text in the article format.</param>
/// <param name="Target">The translation in the article format.</param>
/// <param name="Bridge">A machine translation of the source (article format), or null.</param>
/// <param name="From">The source language, or null for <c>Translation:From</c>.</param>
/// <param name="To">The target language, or null for <c>Translation:To</c>.</param>
/// <param name="Name">The name a TMX answer goes by (default <c>aligned</c>).</param>
public sealed record AlignRequestBody(string Source, string Target, string? Bridge = null, string? From = null, string? To = null, string? Name = null);

/// <summary>The answer of <c>POST /v1/align</c> as JSON.</summary>
/// <param name="Paragraphs">Every block of aligned paragraphs with its sentences and beads.</param>
public sealed record AlignResponse(IReadOnlyList<ParagraphBeads> Paragraphs);
