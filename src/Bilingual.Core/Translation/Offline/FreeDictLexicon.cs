using System.Collections.Concurrent;
using Bilingual.Core.Alignment;
using Bilingual.Core.Lexicon;
using Bilingual.Core.Text;

namespace Bilingual.Core.Translation.Offline;

/// <summary>
/// The FreeDict Dutch–English dictionary as the aligner's lexicon: the English the offline glosser gives a
/// Dutch word (inflection, compounds and function words handled as in the offline backend), split into words.
/// It loads the dictionary (shared with the offline backend) at the first word; where the dictionary is not
/// installed it covers no pair, so aligning carries on without it.
/// </summary>
internal sealed class FreeDictLexicon(OfflineDictionaryTranslator translator) : IBilingualLexicon
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Covers(string sourceLanguage, string targetLanguage)
    {
        ArgumentNullException.ThrowIfNull(sourceLanguage);
        ArgumentNullException.ThrowIfNull(targetLanguage);
        if (!LanguageTag.Matches("nl", sourceLanguage) || !LanguageTag.Matches("en", targetLanguage))
        {
            return false;
        }

        try
        {
            _ = translator.Glosser;
            return true;
        }
        catch (TranslationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Translate(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length == 0 ? [] : _cache.GetOrAdd(word, Lookup);
    }

    private IReadOnlyList<string> Lookup(string word)
    {
        var (english, translated) = translator.Glosser.TranslateWord(word);
        return translated
            ? english.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()).Distinct().ToArray()
            : [];
    }
}
