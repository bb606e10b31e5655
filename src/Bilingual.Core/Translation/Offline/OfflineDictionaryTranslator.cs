using System.Globalization;
using System.Security.Cryptography;
using Bilingual.Core.Lexicon;
using Bilingual.Core.Text;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Offline;

/// <summary>
/// The offline backend: a word-by-word Dutch→English gloss from the FreeDict dictionary, with the user's
/// glossary applied first. The dictionary loads on first use, once, whichever thread asks first.
/// </summary>
internal sealed class OfflineDictionaryTranslator : ITextTranslator
{
    /// <summary>Bumped whenever the gloss logic or its tables change what comes out, so cached glosses expire.</summary>
    internal const int AlgorithmVersion = 1;

    private readonly OfflineTranslatorOptions _options;
    private readonly IReadOnlyDictionary<string, string> _glossary;
    private readonly Lock _loading = new();
    private volatile DictionaryGlosser? _glosser;
    private readonly Lazy<TranslatorDescriptor> _descriptor;

    /// <summary>Creates the backend; nothing is read until the first translation or descriptor access.</summary>
    public OfflineDictionaryTranslator(IOptions<OfflineTranslatorOptions> options, IOptions<TranslationOptions> translationOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(translationOptions);
        _options = options.Value;
        _glossary = new Dictionary<string, string>(translationOptions.Value.Glossary, StringComparer.Ordinal);
        _descriptor = new Lazy<TranslatorDescriptor>(CreateDescriptor, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public TranslatorDescriptor Descriptor => _descriptor.Value;

    /// <summary>
    /// The glosser, loading the dictionary if this is the first use. A failed load is not remembered:
    /// once the package is installed the next call succeeds without a restart.
    /// </summary>
    /// <exception cref="TranslationException">The dictionary is missing or unreadable.</exception>
    internal DictionaryGlosser Glosser
    {
        get
        {
            if (_glosser is { } loaded)
            {
                return loaded;
            }

            lock (_loading)
            {
                try
                {
                    return _glosser ??= new DictionaryGlosser(FreeDictDictionary.Load(_options.IndexPath, _options.DictionaryPath), _glossary);
                }
                catch (LexiconUnavailableException exception)
                {
                    // To the pipeline a missing dictionary is a backend that cannot translate.
                    throw new TranslationException(exception.Message, exception);
                }
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TranslatedText>> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (!LanguageTag.Matches("nl", request.From) || !LanguageTag.Matches("en", request.To))
        {
            throw new TranslationException($"The offline dictionary translates nl into en only, not {request.From} into {request.To}.");
        }

        var results = new List<TranslatedText>(request.Texts.Count);
        foreach (var text in request.Texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gloss = Glosser.Translate(text);
            results.Add(new TranslatedText(gloss.Text, gloss.SourceSentenceLengths, gloss.TargetSentenceLengths));
        }

        return Task.FromResult<IReadOnlyList<TranslatedText>>(results);
    }

    private TranslatorDescriptor CreateDescriptor()
    {
        // The dictionary's identity is a digest of its index: a reinstalled identical package keeps its cache.
        var dictionary = File.Exists(_options.IndexPath)
            ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_options.IndexPath)))[..12]
            : "missing";
        var version = string.Create(CultureInfo.InvariantCulture, $"freedict-nld-eng-{dictionary}+gloss{AlgorithmVersion}");
        return new TranslatorDescriptor(BackendNames.Offline, version, GlossaryFingerprint(_glossary), TranslatorLimits.Unbounded, IsGloss: true);
    }

    /// <summary>A stable digest of the glossary: the same terms in any order give the same fingerprint.</summary>
    internal static string GlossaryFingerprint(IReadOnlyDictionary<string, string> glossary) => OptionsFingerprint.Compute([], glossary);
}
