namespace Bilingual.Core.Translation;

/// <summary>
/// Translates the paragraphs of one or more articles through the configured backend: every paragraph is
/// looked up in the translation cache first, the misses go out in as few requests as the backend's
/// limits allow, and each result is cached on its own.
/// </summary>
public interface ITranslationService
{
    /// <summary>The backend behind the service.</summary>
    TranslatorDescriptor Descriptor { get; }

    /// <summary>
    /// Translates <paramref name="paragraphs"/>. Never throws for a backend failure: a paragraph that still
    /// fails after retries comes back with <see cref="ParagraphTranslation.Error"/> set, and the others complete.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; what was translated before is already cached.</exception>
    Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken);

    /// <summary>
    /// Translates <paramref name="paragraphs"/> as <see cref="TranslateAsync(IReadOnlyList{string}, CancellationToken)"/> does,
    /// and calls <paramref name="settled"/> with a paragraph's index and outcome as soon as that paragraph is done (from the
    /// cache at once, from the backend when its own requests finish), once per paragraph, possibly from several threads
    /// one at a time. The default reports every paragraph when the call ends.
    /// </summary>
    async Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, Action<int, ParagraphTranslation>? settled, CancellationToken cancellationToken)
    {
        var result = await TranslateAsync(paragraphs, cancellationToken);
        for (var i = 0; settled is not null && i < result.Paragraphs.Count; i++)
        {
            settled(i, result.Paragraphs[i]);
        }

        return result;
    }
}

/// <summary>The outcome of one <see cref="ITranslationService.TranslateAsync(IReadOnlyList{string}, CancellationToken)"/> call.</summary>
/// <param name="Paragraphs">One entry per input paragraph, in order.</param>
/// <param name="Statistics">What the call cost.</param>
public sealed record TranslationBatchResult(IReadOnlyList<ParagraphTranslation> Paragraphs, TranslationStatistics Statistics);

/// <summary>One paragraph's translation, or the reason it has none.</summary>
/// <param name="Translation">The translation; null when <paramref name="Error"/> is set.</param>
/// <param name="FromCache">True when the translation came from the cache and cost nothing.</param>
/// <param name="Requests">The 1-based numbers of the backend requests that carried (part of) this paragraph; empty for a cache hit.</param>
/// <param name="Error">Why the paragraph could not be translated, in one sentence; null on success.</param>
/// <param name="Transient">True when it failed because the backend could not be reached or was overloaded (refused, timed
/// out, 429, 5xx, not sent while it was down), so a later try may succeed; false for a refusal of the text itself.</param>
public sealed record ParagraphTranslation(
    TranslatedText? Translation,
    bool FromCache,
    IReadOnlyList<int> Requests,
    string? Error = null,
    bool Transient = false);

/// <summary>What a translation call cost.</summary>
/// <param name="BackendRequests">
/// Requests that reached the backend, each counted once however often it was retried: for a remote backend those of
/// which at least one attempt went over the wire (a batch refused before sending, or kept back by an open circuit, is
/// not one); never more than <paramref name="Attempts"/>.
/// </param>
/// <param name="Attempts">HTTP attempts including retries (what the service received); equals <paramref name="BackendRequests"/> for local backends.</param>
/// <param name="CharactersSent">
/// Characters those requests carried as sent, glossary markup included, counted once per request (not per retry).
/// </param>
/// <param name="CacheHits">Paragraphs answered from the cache.</param>
/// <param name="Throttled">Responses with status 429 received.</param>
/// <param name="MeteredCharacters">
/// The sum of the backend's own metering of its successful responses (Azure's <c>X-Metered-Usage</c>): what is billed;
/// 0 when it reports none.
/// </param>
/// <param name="GlossaryMarkupCharacters">The part of <paramref name="CharactersSent"/> that is dynamic-dictionary markup (Azure's glossary).</param>
public sealed record TranslationStatistics(
    int BackendRequests,
    int Attempts,
    long CharactersSent,
    int CacheHits,
    int Throttled,
    long MeteredCharacters,
    long GlossaryMarkupCharacters = 0)
{
    /// <summary>What the backend billed: its own metering where it reports one, else the characters sent.</summary>
    public long CharactersBilled => MeteredCharacters > 0 ? MeteredCharacters : CharactersSent;

    /// <summary>Nothing happened.</summary>
    public static TranslationStatistics Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Adds two sets of figures.</summary>
    public TranslationStatistics Add(TranslationStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            BackendRequests + other.BackendRequests,
            Attempts + other.Attempts,
            CharactersSent + other.CharactersSent,
            CacheHits + other.CacheHits,
            Throttled + other.Throttled,
            MeteredCharacters + other.MeteredCharacters,
            GlossaryMarkupCharacters + other.GlossaryMarkupCharacters);
    }
}
