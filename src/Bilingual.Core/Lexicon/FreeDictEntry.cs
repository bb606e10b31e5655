using System.Text.RegularExpressions;

namespace Bilingual.Core.Lexicon;

/// <summary>One parsed FreeDict entry: its headword and its numbered senses, each a list of English equivalents.</summary>
/// <param name="Headword">The headword with its case (<c>Westen</c> vs <c>westen</c>), without the pronunciation.</param>
/// <param name="Senses">The senses in dictionary order; each holds at least one equivalent.</param>
internal sealed partial record FreeDictEntry(string Headword, IReadOnlyList<IReadOnlyList<string>> Senses)
{
    /// <summary>A compound-initial form such as <c>kern‐</c> (→ <c>nuclear</c>).</summary>
    public bool IsPrefix => Headword.EndsWith('-');

    /// <summary>A suffix such as <c>‐de</c> (→ <c>‐th</c>): never a whole word.</summary>
    public bool IsSuffix => Headword.StartsWith('-');

    /// <summary>A fragment of a longer expression (<c>... aanvoelen</c> → <c>feel...</c>).</summary>
    public bool IsFragment => Headword.Contains("...", StringComparison.Ordinal);

    /// <summary>True when the headword is a proper name or otherwise capitalised.</summary>
    public bool IsCapitalised => Headword.Length > 0 && char.IsUpper(Headword[0]);

    /// <summary>
    /// Parses the text of an entry as FreeDict's TEI→dictd export writes it: a first line
    /// <c>headword /ipa/</c>, then either one line of comma-separated equivalents or numbered lines
    /// <c>1. a, b</c>. Returns null when the text holds no equivalent.
    /// </summary>
    public static FreeDictEntry? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            return null;
        }

        var headword = Spaces().Replace(Normalise(Parenthetical().Replace(Pronunciation().Replace(lines[0], ""), " ")), " ").Trim();
        var senses = new List<IReadOnlyList<string>>();
        foreach (var line in lines.Skip(1))
        {
            var equivalents = SenseNumber().Replace(line, "")
                .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(CleanEquivalent)
                .Where(e => e.Length > 0)
                .ToList();
            if (equivalents.Count > 0)
            {
                senses.Add(equivalents);
            }
        }

        return senses.Count == 0 || headword.Length == 0 ? null : new FreeDictEntry(headword, senses);
    }

    /// <summary>
    /// Folds the dictionary's typography to what news text uses: the <c>ĳ</c> ligature to <c>ij</c>
    /// and U+2010 HYPHEN to <c>-</c>.
    /// </summary>
    public static string Normalise(string text) =>
        text.Replace('\u2010', '-').Replace('\u2011', '-')
            .Replace("\u0133", "ij", StringComparison.Ordinal)
            .Replace("\u0132", "IJ", StringComparison.Ordinal);

    private static string CleanEquivalent(string equivalent)
    {
        var cleaned = Normalise(Parenthetical().Replace(equivalent, " "));
        cleaned = cleaned.Replace("...", " ", StringComparison.Ordinal).Replace("…", " ", StringComparison.Ordinal);
        return Spaces().Replace(cleaned, " ").Trim(' ', '.', '-');
    }

    // The pronunciation closes the first line: "oorlog /orlɔx/".
    [GeneratedRegex(@"\s*/[^/]*/\s*$")]
    private static partial Regex Pronunciation();

    [GeneratedRegex(@"^\d+\.\s*")]
    private static partial Regex SenseNumber();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
