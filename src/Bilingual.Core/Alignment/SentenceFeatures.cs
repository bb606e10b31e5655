using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Bilingual.Core.Lexicon;

namespace Bilingual.Core.Alignment;

/// <summary>
/// Turns sentences into sparse bags of lexical features that survive translation or compare a machine
/// translation with a human one: whole words, their four-letter prefixes, character trigrams (chrF's unit:
/// inflection and cognates still share most of them), numbers and sentence punctuation. Features are hashed to
/// 32-bit keys.
/// </summary>
internal static class SentenceFeatures
{
    private const uint WordTag = 0x1000_0000;
    private const uint GramTag = 0x2000_0000;
    private const uint NumberTag = 0x3000_0000;
    private const uint PunctuationTag = 0x4000_0000;
    private const uint PrefixTag = 0x5000_0000;

    /// <summary>
    /// Words of more than this many letters also count by their first this-many letters: truncation stemming,
    /// which lets regularly inflected forms of one word (<c>jumped</c>/<c>jumping</c>, <c>montagne</c>/<c>montagnes</c>)
    /// match in any language without a stemmer for it.
    /// </summary>
    private const int PrefixLength = 4;

    /// <summary>Counts the features of <paramref name="text"/>, adding dictionary translations of its words when a dictionary is given.</summary>
    public static Dictionary<int, int> Count(string text, IBilingualLexicon? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<int, int>(text.Length);
        // Compatibility forms (full-width letters and digits, ligatures) fold to their plain forms; most text is
        // already normalised and skips the copy.
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        Span<char> buffer = stackalloc char[MaxWordLength];
        var length = 0;
        for (var k = 0; k <= normalized.Length; k++)
        {
            var c = k < normalized.Length ? normalized[k] : ' ';
            if (char.IsLetterOrDigit(c) || (length > 0 && IsInnerMark(c)))
            {
                // Longer "words" (a URL, a run of digits) keep their first characters.
                if (length < buffer.Length)
                {
                    buffer[length] = c == '’' ? '\'' : char.ToLowerInvariant(c);
                }

                length++;
                continue;
            }

            if (length > 0)
            {
                AddWord(counts, buffer[..Math.Min(length, buffer.Length)].TrimEnd("'-.,"), dictionary);
                length = 0;
            }

            var punctuation = Punctuation(c);
            if (punctuation != '\0')
            {
                Add(counts, PunctuationTag, [punctuation]);
            }
        }

        return counts;
    }

    private const int MaxWordLength = 64;

    // Features of the other language get this bit, which no kind of feature uses, so they never meet this
    // language's features in a dot product.
    private const int OtherLanguageBit = unchecked((int)0x8000_0000);

    /// <summary>
    /// Adds to <paramref name="counts"/> the features of a text in the other language of the pair (the reverse
    /// bridge's translation of a target sentence, or the source sentence it is compared with), kept apart from
    /// its own: the dot product of two bags so combined is the sum of the two comparisons', one in each language.
    /// </summary>
    public static Dictionary<int, int> WithOtherLanguage(Dictionary<int, int> counts, Dictionary<int, int> other)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, count) in other)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key | OtherLanguageBit, out _) += count;
        }

        return counts;
    }

    private static bool IsInnerMark(char c) => c is '\'' or '-' or '.' or ',' or '’';

    private static void AddWord(Dictionary<int, int> counts, ReadOnlySpan<char> word, IBilingualLexicon? dictionary)
    {
        if (word.IsEmpty)
        {
            return;
        }

        if (char.IsDigit(word[0]))
        {
            // Numbers carry over between languages; 1.500 and 1,500 are the same figure.
            Span<char> digits = stackalloc char[word.Length];
            var n = 0;
            foreach (var c in word)
            {
                if (c is not '.' and not ',')
                {
                    digits[n++] = c;
                }
            }

            Add(counts, NumberTag, digits[..n]);
            return;
        }

        Add(counts, WordTag, word);
        if (word.Length > PrefixLength)
        {
            Add(counts, PrefixTag, word[..PrefixLength]);
        }

        AddGrams(counts, word);
        if (dictionary is not null)
        {
            foreach (var translation in dictionary.Translate(word.ToString()))
            {
                var lowered = translation.ToLowerInvariant();
                Add(counts, WordTag, lowered);
                AddGrams(counts, lowered);
            }
        }
    }

    private static void AddGrams(Dictionary<int, int> counts, ReadOnlySpan<char> word)
    {
        // Character trigrams of the word padded with a space on each side, as chrF counts them within words.
        Span<char> padded = stackalloc char[word.Length + 2];
        padded[0] = ' ';
        word.CopyTo(padded[1..]);
        padded[^1] = ' ';
        for (var k = 0; k + 3 <= padded.Length; k++)
        {
            Add(counts, GramTag, padded.Slice(k, 3));
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
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
    }

    /// <summary>Formats a number for diagnostics in invariant culture.</summary>
    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
