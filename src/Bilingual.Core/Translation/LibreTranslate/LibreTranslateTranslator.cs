using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bilingual.Core.Text;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.LibreTranslate;

/// <summary>
/// The LibreTranslate backend: one call through <see cref="LibreTranslateClient"/>. LibreTranslate has no glossary
/// support, so <see cref="TranslationOptions.Glossary"/> terms are protected: each is replaced by a numbered
/// placeholder the models copy through (<c>⟦0⟧</c>) and the placeholder is replaced by the required rendering
/// afterwards. A name's genitive (<c>Poetins</c>) gets a placeholder of its own, numbered after the terms, that is
/// replaced by the possessive rendering (<c>Putin's</c>).
/// </summary>
internal sealed partial class LibreTranslateTranslator : ITextTranslator
{
    private readonly LibreTranslateClient _client;
    private readonly GlossaryMatcher _terms;
    private readonly Dictionary<string, int> _termNumbers;
    private readonly string[] _renderings;

    /// <summary>Creates the backend.</summary>
    public LibreTranslateTranslator(
        LibreTranslateClient client, IOptions<LibreTranslateTranslatorOptions> options, IOptions<TranslationOptions> translationOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(translationOptions);
        _client = client;
        // The terms the QA check looks for, found the same way (GlossaryMatcher): longest first, whole words.
        _terms = new GlossaryMatcher(translationOptions.Value.Glossary);
        _termNumbers = _terms.Terms.Select((entry, number) => (entry.Key, number)).ToDictionary(p => p.Key, p => p.number, StringComparer.Ordinal);
        _renderings = [.. _terms.Terms.Select(p => p.Value), .. _terms.Terms.Select(p => GlossaryMatch.Possessive(p.Value))];
        Descriptor = new TranslatorDescriptor(
            BackendNames.LibreTranslate,
            options.Value.ModelVersion,
            OptionsFingerprint.Compute(["format=text"], translationOptions.Value.Glossary),
            new TranslatorLimits(options.Value.MaxTextsPerRequest, options.Value.MaxCharactersPerRequest),
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

        var protectedTexts = request.Texts.Select(Protect).ToArray();
        var translations = await _client.TranslateAsync(
            protectedTexts, Language(request.From), Language(request.To), cancellationToken);
        return translations.Select(t => new TranslatedText(Restore(t))).ToArray();
    }

    /// <summary>LibreTranslate's language code: the primary subtag, lower case.</summary>
    internal static string Language(string tag) => LanguageTag.PrimaryLanguage(tag);

    /// <summary>Replaces each glossary term by its placeholder.</summary>
    internal string Protect(string text)
    {
        var matches = _terms.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var match in matches)
        {
            var number = _termNumbers[match.Term] + (match.Genitive ? _terms.Terms.Count : 0);
            builder.Append(text, position, match.Start - position).Append('⟦').Append(number.ToString(CultureInfo.InvariantCulture)).Append('⟧');
            position = match.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Replaces each placeholder by the term's required rendering.</summary>
    internal string Restore(string text) => _terms.IsEmpty
        ? text
        : Placeholder().Replace(text, m =>
            int.TryParse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var number) && number < _renderings.Length
                ? _renderings[number]
                : m.Value);

    [GeneratedRegex(@"⟦\s*(\d+)\s*⟧")]
    private static partial Regex Placeholder();
}
