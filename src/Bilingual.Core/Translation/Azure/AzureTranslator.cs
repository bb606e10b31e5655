using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// The Azure AI Translator backend: applies the glossary as dynamic dictionary markup, makes one call through
/// <see cref="TextTranslationClient"/>, and maps the service's sentence lengths back to the texts it was given.
/// </summary>
internal sealed class AzureTranslator : ITextTranslator
{
    private readonly TextTranslationClient _client;
    private readonly AzureTranslatorOptions _options;
    private readonly DynamicDictionary _dictionary;
    private readonly CharacterRateLimiter _limiter;
    private readonly TranslatorDescriptor _configured;
    private TranslatorDescriptor _current;

    /// <summary>Creates the backend.</summary>
    public AzureTranslator(
        TextTranslationClient client, IOptions<AzureTranslatorOptions> options, IOptions<TranslationOptions> translationOptions, CharacterRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(translationOptions);
        _client = client;
        _limiter = limiter;
        _options = options.Value;
        var glossary = translationOptions.Value.Glossary;
        _dictionary = new DynamicDictionary(glossary);
        _configured = _current = new TranslatorDescriptor(
            BackendNames.Azure,
            string.IsNullOrEmpty(_options.Category) ? "3.0" : $"3.0+{_options.Category}",
            // Everything that changes the output besides the model version: category, text type and the glossary.
            OptionsFingerprint.Compute([$"category={_options.Category}", $"textType={_options.TextType}"], glossary),
            new TranslatorLimits(_options.MaxElementsPerRequest, _options.EffectiveMaxCharactersPerRequest),
            IsRemote: true);
    }

    /// <inheritdoc />
    /// <remarks>The character limit follows the rate limiter: after the service throttled, requests are cut smaller.</remarks>
    public TranslatorDescriptor Descriptor
    {
        get
        {
            var maxCharacters = Math.Min(_configured.Limits.MaxCharacters, _limiter.MaxRequestCharacters);
            var known = Volatile.Read(ref _current);
            if (known.Limits.MaxCharacters == maxCharacters)
            {
                return known;
            }

            var lowered = _configured with { Limits = _configured.Limits with { MaxCharacters = maxCharacters } };
            Volatile.Write(ref _current, lowered);
            return lowered;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranslatedText>> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Texts.Count == 0)
        {
            return [];
        }

        var descriptor = Descriptor;
        var marked = request.Texts.Select(_dictionary.Apply).ToArray();
        // The markup counts against the service's limits; a batch it pushes over them is split by the caller
        // rather than refused by the service.
        var sentCharacters = marked.Sum(m => (long)m.Text.Length);
        if (marked.Any(m => m.Text.Length > descriptor.Limits.MaxCharacters))
        {
            throw new TranslationException("With the glossary markup, a text is longer than one Azure Translator request may carry.")
            {
                RequestTooLarge = true,
            };
        }

        if (sentCharacters > descriptor.Limits.MaxCharacters || marked.Length > descriptor.Limits.MaxElements)
        {
            throw new TranslationException("With the glossary markup, the batch is larger than one Azure Translator request may carry.")
            {
                RequestTooLarge = true,
            };
        }

        var items = await _client.TranslateAsync(
            marked.Select(m => m.Text).ToArray(),
            new TextTranslationTranslateOptions(
                request.From, request.To, _options.Category, _options.TextType,
                MarkupCharacters: (int)(sentCharacters - request.Texts.Sum(t => (long)t.Length))),
            cancellationToken);

        var results = new TranslatedText[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var translation = items[i].Translations.Count > 0
                ? items[i].Translations[0]
                : throw AzureTranslatorErrors.MalformedResponse("an item without translations.");
            var boundaries = translation.SentenceBoundaries;
            var sourceLengths = boundaries?.SourceSentencesLengths;
            if (sourceLengths is not null && marked[i].Map is { } map)
            {
                sourceLengths = map.MapLengths(sourceLengths);
            }

            results[i] = new TranslatedText(translation.Text, sourceLengths, boundaries?.TranslatedSentencesLengths);
        }

        return results;
    }
}
