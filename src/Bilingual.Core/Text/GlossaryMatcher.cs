namespace Bilingual.Core.Text;

/// <summary>One glossary term found in a text.</summary>
/// <param name="Start">Where the occurrence starts, in UTF-16 code units.</param>
/// <param name="Length">Its length in UTF-16 code units, a genitive ending included.</param>
/// <param name="Term">The glossary's source term.</param>
/// <param name="Rendering">The glossary's required rendering of the term.</param>
/// <param name="Genitive">Whether the occurrence carries a genitive ending (<c>Poetins</c>, <c>Navo's</c>).</param>
internal readonly record struct GlossaryMatch(int Start, int Length, string Term, string Rendering, bool Genitive)
{
    /// <summary>Where the occurrence ends (exclusive), in UTF-16 code units.</summary>
    public int End => Start + Length;

    /// <summary>
    /// The rendering this occurrence requires: the glossary's, with the English possessive after a genitive
    /// (<c>Poetins</c> → <c>Putin's</c>).
    /// </summary>
    public string RequiredRendering => Genitive ? Possessive(Rendering) : Rendering;

    /// <summary>The English possessive of a rendering: <c>Putin</c> → <c>Putin's</c>.</summary>
    public static string Possessive(string rendering) => rendering + "'s";
}

/// <summary>
/// Finds glossary terms in a text, the one way every backend protects them and the QA check looks for them:
/// <list type="bullet">
/// <item>whole words only, by <see cref="WordBoundary"/>: <c>Navo</c> is found in <c>Navo-top</c> but not in
/// <c>Navoleider</c>, <c>Poetin</c> not in <c>Poetinisme</c>;</item>
/// <item>case-sensitively (ordinal): a name is told from a word by its capital (<c>Bos</c> and <c>bos</c>), so
/// <c>NAVO</c> and <c>Navo</c>, or a sentence-initial <c>Oorlog</c>, are separate entries if both are wanted;</item>
/// <item>a capitalised term (a name) also with the genitive ending Dutch and English give names, <c>s</c>,
/// <c>'s</c> or <c>’s</c> (<c>Poetins</c>, <c>Navo's</c>, <c>Putin's</c>); the occurrence then requires the
/// rendering with <c>'s</c>. Lower-case terms take no ending: there <c>-s</c> and <c>'s</c> make plurals
/// (<c>kernwapens</c>, <c>auto's</c>);</item>
/// <item>longest term first, then left to right without overlaps: <c>Vladimir Poetin</c> wins over
/// <c>Poetin</c>, and an entry of its own (<c>Poetins</c>) over a term plus ending.</item>
/// </list>
/// Entries with an empty term or an empty rendering are ignored.
/// </summary>
internal sealed class GlossaryMatcher
{
    private readonly KeyValuePair<string, string>[] _terms;
    private readonly Dictionary<char, KeyValuePair<string, string>[]> _byFirstCharacter;

    /// <summary>Creates the matcher for <paramref name="glossary"/> (source term → required rendering).</summary>
    public GlossaryMatcher(IReadOnlyDictionary<string, string> glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        _terms = glossary
            .Where(entry => entry.Key.Length > 0 && entry.Value.Length > 0)
            .OrderByDescending(entry => entry.Key.Length)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .ToArray();
        _byFirstCharacter = _terms
            .GroupBy(entry => entry.Key[0])
            .ToDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>The terms in the order they are tried: longest first, then ordinal.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Terms => _terms;

    /// <summary>Whether there is no term to find.</summary>
    public bool IsEmpty => _terms.Length == 0;

    /// <summary>Every glossary term in <paramref name="text"/>, left to right, none overlapping.</summary>
    public IReadOnlyList<GlossaryMatch> Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<GlossaryMatch>();
        var position = 0;
        while (position < text.Length)
        {
            if (MatchAt(text, position) is { } match)
            {
                matches.Add(match);
                position = match.End;
            }
            else
            {
                position++;
            }
        }

        return matches;
    }

    /// <summary>The longest glossary term that occurs as a whole word starting at <paramref name="index"/>, or null.</summary>
    public GlossaryMatch? MatchAt(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (index >= text.Length || !_byFirstCharacter.TryGetValue(text[index], out var candidates) || !WordBoundary.IsWordStart(text, index))
        {
            return null;
        }

        foreach (var (term, rendering) in candidates)
        {
            if (WordLengthAt(text, index, term) is { } found)
            {
                return new GlossaryMatch(index, found.Length, term, rendering, found.Genitive);
            }
        }

        return null;
    }

    /// <summary>
    /// Where <paramref name="word"/> occurs in <paramref name="text"/> by the same rules (whole word, ordinal, a
    /// capitalised word with its genitive): where a rendering or an untranslated term stands in a translation.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> Occurrences(string text, string word)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(word);
        var occurrences = new List<(int Start, int Length)>();
        if (word.Length == 0)
        {
            return occurrences;
        }

        var position = text.IndexOf(word, StringComparison.Ordinal);
        while (position >= 0)
        {
            if (WordBoundary.IsWordStart(text, position) && WordLengthAt(text, position, word) is { } found)
            {
                occurrences.Add((position, found.Length));
                position += found.Length;
            }
            else
            {
                position++;
            }

            position = position < text.Length ? text.IndexOf(word, position, StringComparison.Ordinal) : -1;
        }

        return occurrences;
    }

    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="text"/> as a whole word (see <see cref="Occurrences"/>).</summary>
    public static bool Contains(string text, string word) => Occurrences(text, word).Count > 0;

    /// <summary>
    /// The length of <paramref name="word"/> at <paramref name="index"/> when it ends a word there (with a genitive
    /// ending for a capitalised word), or null. The caller has checked that a word starts at <paramref name="index"/>.
    /// </summary>
    private static (int Length, bool Genitive)? WordLengthAt(string text, int index, string word)
    {
        if (!text.AsSpan(index).StartsWith(word, StringComparison.Ordinal))
        {
            return null;
        }

        var end = index + word.Length;
        if (WordBoundary.IsWordEnd(text, end))
        {
            return (word.Length, false);
        }

        if (TakesGenitive(word) && GenitiveLength(text, end) is > 0 and var ending && WordBoundary.IsWordEnd(text, end + ending))
        {
            return (word.Length + ending, true);
        }

        return null;
    }

    // A name: it starts with a capital and ends in a letter (not "G7", whose "s" would be a plural).
    private static bool TakesGenitive(string word) => char.IsUpper(word[0]) && char.IsLetter(word[^1]);

    // Dutch writes Poetins, and Navo's after a long vowel; English writes Putin's; either apostrophe.
    private static int GenitiveLength(string text, int at) =>
        at < text.Length && text[at] == 's' ? 1
        : at + 1 < text.Length && WordBoundary.IsApostrophe(text[at]) && text[at + 1] == 's' ? 2
        : 0;
}
