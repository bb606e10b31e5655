using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace Bilingual.Core.Alignment;

/// <summary>
/// Turns sentences into sparse bags of lexical features that survive translation or compare a machine
/// translation with a human one: whole words, character trigrams (chrF's unit: inflection and cognates still
/// share most of them), numbers and sentence punctuation. Features are hashed to 32-bit keys.
/// </summary>
internal static class SentenceFeatures
{
    private const uint WordTag = 0x1000_0000;
    private const uint GramTag = 0x2000_0000;
    private const uint NumberTag = 0x3000_0000;
    private const uint PunctuationTag = 0x4000_0000;

    /// <summary>Counts the features of <paramref name="text"/>, adding dictionary translations of its words when a dictionary is given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<int, int> Count(string text, IBilingualLexicon? dictionary = null)
    {
        var counts = new Dictionary<int, int>();
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var word = new StringBuilder();
        for (var k = 0; k <= normalized.Length; k++)
        {
            var c = k < normalized.Length ? normalized[k] : ' ';
            if (char.IsLetterOrDigit(c) || (word.Length > 0 && IsInnerMark(c)))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                AddWord(counts, word.ToString().TrimEnd('\'', '-', '.', ','), dictionary);
                word.Clear();
            }

            var punctuation = Punctuation(c);
            if (punctuation != '\0')
            {
                Add(counts, PunctuationTag, punctuation.ToString());
            }
        }

        return counts;
    }

    private static bool IsInnerMark(char c) => c is '\'' or '-' or '.' or ',' or '’';

    private static void AddWord(Dictionary<int, int> counts, string word, IBilingualLexicon? dictionary)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (char.IsDigit(word[0]))
        {
            // Numbers carry over between languages; 1.500 and 1,500 are the same figure.
            Add(counts, NumberTag, word.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal));
            return;
        }

        word = word.Replace('’', '\'');
        Add(counts, WordTag, word);
        AddGrams(counts, word);
        if (dictionary is not null)
        {
            foreach (var translation in dictionary.Translate(word))
            {
                var lowered = translation.ToLowerInvariant();
                Add(counts, WordTag, lowered);
                AddGrams(counts, lowered);
            }
        }
    }

    private static void AddGrams(Dictionary<int, int> counts, string word)
    {
        // Character trigrams of the word padded with a space on each side, as chrF counts them within words.
        var padded = " " + word + " ";
        for (var k = 0; k + 3 <= padded.Length; k++)
        {
            Add(counts, GramTag, padded.AsSpan(k, 3));
        }
    }

    /// <summary>Sentence punctuation folded to one form per mark (full-width and typographic quotes included).</summary>
    private static char Punctuation(char c) => c switch
    {
        '?' or '？' => '?',
        '!' or '！' => '!',
        ':' or '：' => ':',
        ';' or '；' => ';',
        '(' or ')' or '（' or '）' or '[' or ']' => '(',
        '"' or '“' or '”' or '„' or '«' or '»' or '「' or '」' or '『' or '』' or '‘' => '"',
        '—' or '–' or '…' => '-',
        _ => '\0',
    };

    private static void Add(Dictionary<int, int> counts, uint tag, ReadOnlySpan<char> text)
    {
        // FNV-1a over the UTF-16 units, the kind of feature in the high bits.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var key = (int)((hash & 0x0FFF_FFFF) | tag);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static void Add(Dictionary<int, int> counts, uint tag, string text) => Add(counts, tag, text.AsSpan());

    /// <summary>Formats a number for diagnostics in invariant culture.</summary>
    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
