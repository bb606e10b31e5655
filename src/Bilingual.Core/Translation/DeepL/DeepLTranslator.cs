using Bilingual.Core.Text;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.DeepL;

/// <summary>
/// The DeepL backend: one call through <see cref="DeepLClient"/>. The glossary is DeepL's server-side one when
/// <see cref="DeepLTranslatorOptions.GlossaryId"/> is set; otherwise <see cref="TranslationOptions.Glossary"/> is
/// checked afterwards and a missing required rendering is logged, not patched in.
/// </summary>
internal sealed partial class DeepLTranslator : ITextTranslator
{
    private readonly DeepLClient _client;
    private readonly DeepLTranslatorOptions _options;
    private readonly Dictionary<string, string> _glossary;
    private readonly GlossaryMatcher _glossaryTerms;
    private readonly ILogger<DeepLTranslator> _logger;

    /// <summary>Creates the backend.</summary>
    public DeepLTranslator(
        DeepLClient client, IOptions<DeepLTranslatorOptions> options, IOptions<TranslationOptions> translationOptions, ILogger<DeepLTranslator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(translationOptions);
        _client = client;
        _options = options.Value;
        _logger = logger;
        _glossary = translationOptions.Value.Glossary;
        _glossaryTerms = new GlossaryMatcher(_glossary);
        Descriptor = new TranslatorDescriptor(
            BackendNames.DeepL,
            "v2",
            OptionsFingerprint.Compute(
                [_options.TargetLanguage, _options.SplitSentences, _options.GlossaryId],
                string.IsNullOrEmpty(_options.GlossaryId) ? _glossary : new Dictionary<string, string>()),
            new TranslatorLimits(_options.MaxTextsPerRequest, _options.MaxCharactersPerRequest),
            IsRemote: true);
    }

    /// <inheritdoc />
    public TranslatorDescriptor Descriptor { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranslatedText>> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Texts.Count == 0)
        {
            return [];
        }

        var results = await _client.TranslateTextAsync(
            request.Texts,
            SourceLanguage(request.From),
            TargetLanguage(request.To, _options.TargetLanguage),
            new TextTranslateOptions(_options.SplitSentences, PreserveFormatting: true, _options.GlossaryId),
            cancellationToken);

        var translations = new TranslatedText[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            translations[i] = new TranslatedText(results[i].Text);
            if (string.IsNullOrEmpty(_options.GlossaryId))
            {
                foreach (var term in MissingGlossaryTerms(request.Texts[i], results[i].Text, _glossaryTerms))
                {
                    LogGlossaryMiss(term, _glossary[term]);
                }
            }
        }

        return translations;
    }

    /// <summary>DeepL's source language code: the primary subtag, upper case (<c>nl</c>, <c>nl-BE</c> → <c>NL</c>).</summary>
    internal static string SourceLanguage(string tag) => LanguageTag.PrimaryLanguage(tag).ToUpperInvariant();

    /// <summary>
    /// DeepL's target code: the configured English variant for <c>en</c>, otherwise the tag in upper case
    /// (<c>pt_BR</c> → <c>PT-BR</c>, <c>zh-Hans</c> → <c>ZH-HANS</c>).
    /// </summary>
    internal static string TargetLanguage(string tag, string englishVariant) =>
        LanguageTag.AreSame(tag, "en") ? englishVariant : LanguageTag.Normalize(tag).ToUpperInvariant();

    /// <summary>
    /// Glossary terms that occur in <paramref name="source"/> but whose rendering is absent from
    /// <paramref name="target"/>, both by <see cref="GlossaryMatcher"/>'s rules: the terms the QA check would flag.
    /// </summary>
    internal static IEnumerable<string> MissingGlossaryTerms(string source, string target, IReadOnlyDictionary<string, string> glossary) =>
        MissingGlossaryTerms(source, target, new GlossaryMatcher(glossary));

    private static IEnumerable<string> MissingGlossaryTerms(string source, string target, GlossaryMatcher glossaryTerms) =>
        glossaryTerms.Matches(source)
            .Where(m => !GlossaryMatcher.Contains(target, m.Rendering))
            .Select(m => m.Term)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(k => k, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "DeepL did not render glossary term {Term} as {Rendering}; set Translation:DeepL:GlossaryId to enforce the glossary")]
    private partial void LogGlossaryMiss(string term, string rendering);
}
