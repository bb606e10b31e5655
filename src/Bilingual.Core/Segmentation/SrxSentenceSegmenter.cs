using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Bilingual.Core.Documents;
using Bilingual.Core.Text;

namespace Bilingual.Core.Segmentation;

/// <summary>
/// Splits paragraphs with the rules of an SRX 2.0 file. Every pattern is translated from Java's regex
/// dialect and compiled when the file is loaded, so a bad file fails at start naming the rule.
/// Each rule is matched once over the paragraph as <c>(?:before)(?=after)</c>; at each position the
/// first rule in cascade order that matches decides (as Okapi's SRX segmenter does), and positions no
/// rule matches do not break.
/// </summary>
internal sealed class SrxSentenceSegmenter : ISentenceSegmenter
{
    private readonly SrxDocument _document;
    private readonly Dictionary<SrxRule, Regex> _patterns = [];
    private readonly List<(Regex Pattern, SrxLanguageMap Map)> _maps = [];
    private readonly ConcurrentDictionary<string, SrxRule[]> _rulesByLanguage = new(StringComparer.Ordinal);

    /// <summary>Compiles the rules of <paramref name="document"/>.</summary>
    /// <param name="document">The parsed rules.</param>
    /// <param name="matchTimeout">How long one pattern may run on one paragraph.</param>
    /// <exception cref="SrxRulesException">A pattern cannot be translated or compiled; the message names file, rule and pattern.</exception>
    public SrxSentenceSegmenter(SrxDocument document, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(document);
        _document = document;
        foreach (var rule in document.LanguageRules.Values.SelectMany(rules => rules))
        {
            var before = Translate(rule, "beforebreak", rule.Before);
            var after = Translate(rule, "afterbreak", rule.After);
            var pattern = (before.Length > 0 ? $"(?:{before})" : "") + (after.Length > 0 ? $"(?={after})" : "");
            _patterns[rule] = Compile(pattern, matchTimeout, $"{rule.Describe()}: beforebreak '{rule.Before}', afterbreak '{rule.After}'");
        }

        foreach (var map in document.Maps)
        {
            var pattern = Translate(map.Pattern, $"line {map.Line}, languagemap for '{map.LanguageRule}'");
            _maps.Add((Compile($@"^(?:{pattern})\z", matchTimeout, $"line {map.Line}, languagemap pattern '{map.Pattern}'"), map));
        }
    }

    /// <summary>Reads and compiles the SRX file at <paramref name="path"/>.</summary>
    /// <exception cref="SrxRulesException">The file is missing, malformed, or has a pattern .NET cannot run.</exception>
    public static SrxSentenceSegmenter Load(string path, TimeSpan matchTimeout) => new(SrxDocument.Load(path), matchTimeout);

    /// <summary>The language rule names that apply to <paramref name="language"/>, in the order they apply.</summary>
    public IReadOnlyList<string> LanguageRulesFor(string language) =>
        MatchingMaps(language).Select(m => m.LanguageRule).ToList();

    /// <inheritdoc />
    public IReadOnlyList<Segment> Split(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var rules = _rulesByLanguage.GetOrAdd(language, Resolve);
        var decided = new sbyte[text.Length + 1];
        var breaks = new List<int>();
        foreach (var rule in rules)
        {
            try
            {
                foreach (var position in MatchEnds(_patterns[rule], text))
                {
                    if (position > 0 && position < text.Length && decided[position] == 0)
                    {
                        decided[position] = rule.Break ? (sbyte)1 : (sbyte)-1;
                    }
                }
            }
            catch (RegexMatchTimeoutException e)
            {
                throw new SrxRulesException(
                    $"{_document.Source}: {rule.Describe()} ran longer than {e.MatchTimeout.TotalMilliseconds:0} ms on a paragraph of {text.Length} characters: beforebreak '{rule.Before}', afterbreak '{rule.After}'",
                    e);
            }
        }

        for (var position = 1; position < text.Length; position++)
        {
            if (decided[position] > 0)
            {
                breaks.Add(position);
            }
        }

        return SegmentList.FromBreaks(text, breaks);
    }

    /// <summary>
    /// The rule that decides whether <paramref name="text"/> breaks at <paramref name="position"/> for
    /// <paramref name="language"/>, or null when none matches there (no break): for debugging a rules file.
    /// </summary>
    public SrxRule? DecidingRule(string text, string language, int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rule in _rulesByLanguage.GetOrAdd(language, Resolve))
        {
            if (MatchEnds(_patterns[rule], text).Contains(position))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// The offsets where matches of <paramref name="pattern"/> end. After a short match the search resumes
    /// one character after where it started, not where it ended, so overlapping contexts are all found:
    /// <c>\s\p{Lu}\.\s</c> must match after each initial of <c>J. R. R. Tolkien</c>, though the
    /// matches share their spaces. Long matches resume at their end, which keeps the scan linear.
    /// </summary>
    private static List<int> MatchEnds(Regex pattern, string text)
    {
        const int OverlapWindow = 32;
        var ends = new List<int>();
        var start = 0;
        while (start <= text.Length)
        {
            var matches = pattern.EnumerateMatches(text, start);
            if (!matches.MoveNext())
            {
                break;
            }

            var match = matches.Current;
            ends.Add(match.Index + match.Length);
            start = match.Length <= OverlapWindow ? match.Index + 1 : match.Index + match.Length;
        }

        return ends;
    }

    private IEnumerable<SrxLanguageMap> MatchingMaps(string language)
    {
        foreach (var (pattern, map) in _maps)
        {
            // A map's pattern sees the code as given and in BCP 47 case ("nl_be" as "nl-BE"), so "nl-BE" and
            // "NL" patterns work whichever way a caller writes the tag.
            if (pattern.IsMatch(language) || pattern.IsMatch(LanguageTag.Normalize(language)))
            {
                yield return map;
                if (!_document.Cascade)
                {
                    yield break;
                }
            }
        }
    }

    private SrxRule[] Resolve(string language) =>
        MatchingMaps(language).SelectMany(map => _document.LanguageRules[map.LanguageRule]).ToArray();

    private string Translate(SrxRule rule, string element, string java) =>
        Translate(java, $"{rule.Describe()}, {element}");

    private string Translate(string java, string where)
    {
        try
        {
            return JavaRegexTranslator.Translate(java);
        }
        catch (FormatException e)
        {
            throw new SrxRulesException($"{_document.Source}: {where}: {e.Message}", e);
        }
    }

    private Regex Compile(string pattern, TimeSpan matchTimeout, string where)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, matchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new SrxRulesException($"{_document.Source}: {where}: .NET rejects the translated pattern '{pattern}': {e.Message}", e);
        }
    }
}
