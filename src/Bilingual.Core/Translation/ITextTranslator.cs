namespace Bilingual.Core.Translation;

/// <summary>
/// A translation backend: one plain call, a batch of texts in and their translations out. Caching,
/// batching to the backend's limits, retries and rate shaping are composed around it, not inside it.
/// </summary>
public interface ITextTranslator
{
    /// <summary>What the backend is, its version and its request limits; part of every cache key.</summary>
    TranslatorDescriptor Descriptor { get; }

    /// <summary>
    /// Translates every text of <paramref name="request"/>. The result has one entry per input text, in order.
    /// The batch already respects <see cref="TranslatorDescriptor.Limits"/>.
    /// </summary>
    /// <exception cref="TranslationException">The backend refused or failed the request.</exception>
    Task<IReadOnlyList<TranslatedText>> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken);
}

/// <summary>A batch of texts to translate from one language into another.</summary>
/// <param name="Texts">The texts (paragraphs), plain text.</param>
/// <param name="From">The source language tag, e.g. <c>nl</c>.</param>
/// <param name="To">The target language tag, e.g. <c>en</c>.</param>
public sealed record TranslationRequest(IReadOnlyList<string> Texts, string From, string To);

/// <summary>One translated text, with the sentence boundaries when the backend reports them.</summary>
/// <param name="Text">The translation, plain text.</param>
/// <param name="SourceSentenceLengths">
/// Lengths of the source sentences as the backend split them, in UTF-16 code units including the
/// whitespace that follows each one (Azure's <c>sentLen.srcSentLen</c>); null when not reported.
/// </param>
/// <param name="TargetSentenceLengths">Lengths of the matching translated sentences, same convention; null when not reported.</param>
public sealed record TranslatedText(
    string Text,
    IReadOnlyList<int>? SourceSentenceLengths = null,
    IReadOnlyList<int>? TargetSentenceLengths = null);

/// <summary>Identifies a backend for cache keys and outputs, and states its request limits.</summary>
/// <param name="Name">Short backend name: <c>azure</c>, <c>offline</c>, <c>deepl</c> ….</param>
/// <param name="Version">The backend's API version or model; a new version is a new cache key.</param>
/// <param name="OptionsFingerprint">A stable digest of every option that changes the output (category, glossary …).</param>
/// <param name="Limits">How much one request may carry.</param>
/// <param name="IsGloss">True when the output is a word-by-word gloss rather than a translation.</param>
/// <param name="IsRemote">
/// True when the backend is called over HTTP through the shared resilience layer, which counts requests, attempts and
/// characters as they reach the wire (<see cref="TranslationMeter"/>); false for a backend in the process.
/// </param>
public sealed record TranslatorDescriptor(
    string Name,
    string Version,
    string OptionsFingerprint,
    TranslatorLimits Limits,
    bool IsGloss = false,
    bool IsRemote = false);

/// <summary>The most one backend request may carry.</summary>
/// <param name="MaxElements">Texts per request.</param>
/// <param name="MaxCharacters">Characters (UTF-16 code units) per request, summed over its texts.</param>
public sealed record TranslatorLimits(int MaxElements, int MaxCharacters)
{
    /// <summary>No practical limit, for local backends.</summary>
    public static TranslatorLimits Unbounded { get; } = new(int.MaxValue, int.MaxValue);
}

/// <summary>A backend failure, with one clear message and whether a retry could help.</summary>
public class TranslationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TranslationException() { }

    /// <summary>Creates the exception with a message.</summary>
    public TranslationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TranslationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The backend's error code when it gave one (Azure: six digits such as <c>429001</c>).</summary>
    public int? ErrorCode { get; init; }

    /// <summary>The HTTP status code when the backend is remote.</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when the request was too large for the backend and should be split, not retried.</summary>
    public bool RequestTooLarge { get; init; }
}
