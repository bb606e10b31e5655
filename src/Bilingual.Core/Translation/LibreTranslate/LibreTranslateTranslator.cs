using System.Text.RegularExpressions;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.LibreTranslate;

/// <summary>
/// The LibreTranslate backend: one call through <see cref="LibreTranslateClient"/>. LibreTranslate has no glossary
/// support, so <see cref="TranslationOptions.Glossary"/> terms are protected: each is replaced by a numbered
/// placeholder the models copy through (<c>⟦0⟧</c>) and the placeholder is replaced by the required rendering
/// afterwards.
/// </summary>
internal sealed partial class LibreTranslateTranslator : ITextTranslator
{
    private readonly LibreTranslateClient client;
    private readonly KeyValuePair<string, string>[] glossary;
    private readonly Regex? terms;

    /// <summary>Creates the backend.</summary>
    public LibreTranslateTranslator(
        LibreTranslateClient client, IOptions<LibreTranslateTranslatorOptions> options, IOptions<TranslationOptions> translationOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(translationOptions);
        this.client = client;
        // Longest first, so "Poetins" is matched before "Poetin".
        glossary = translationOptions.Value.Glossary.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();
        terms = glossary.Length == 0
            ? null
            : new Regex($@"(?<!\w)(?:{string.Join('|', glossary.Select(p => Regex.Escape(p.Key)))})(?!\w)", RegexOptions.CultureInvariant);
        Descriptor = new TranslatorDescriptor(
            "libretranslate",
            options.Value.ModelVersion,
            OptionsFingerprint.Compute(["format=text"], translationOptions.Value.Glossary),
            new TranslatorLimits(options.Value.MaxTextsPerRequest, options.Value.MaxCharactersPerRequest));
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

        var protectedTexts = request.Texts.Select(Protect).ToArray();
        var translations = await client.TranslateAsync(
            protectedTexts, Language(request.From), Language(request.To), cancellationToken);
        return translations.Select(t => new TranslatedText(Restore(t))).ToArray();
    }

    /// <summary>LibreTranslate's language code: the primary subtag, lower case.</summary>
    internal static string Language(string tag) => tag.Split('-')[0].ToLowerInvariant();

    /// <summary>Replaces each glossary term by its placeholder.</summary>
    internal string Protect(string text) => terms is null
        ? text
        : terms.Replace(text, m => $"⟦{Array.FindIndex(glossary, p => p.Key == m.Value)}⟧");

    /// <summary>Replaces each placeholder by the term's required rendering.</summary>
    internal string Restore(string text) => terms is null
        ? text
        : Placeholder().Replace(text, m =>
            int.TryParse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < glossary.Length
                ? glossary[index].Value
                : m.Value);

    [GeneratedRegex(@"⟦\s*(\d+)\s*⟧")]
    private static partial Regex Placeholder();
}
