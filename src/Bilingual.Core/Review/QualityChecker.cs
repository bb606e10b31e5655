using System.Globalization;
using System.Text.RegularExpressions;
using Bilingual.Core.Documents;
using Bilingual.Core.Text;

namespace Bilingual.Core.Review;

/// <summary>
/// The QA checks translation tools run on every pair (Okapi CheckMate, Xbench, memoQ QA): numbers and dates,
/// glossary terms, untranslated text, quotes and brackets, end punctuation, length ratio and empty sides.
/// </summary>
internal sealed partial class QualityChecker : IQualityChecker
{
    // Month names of both languages map to one token, so "1 juli" matches "1 July" and not "1 June".
    private static readonly Dictionary<string, int> DutchMonths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["februari"] = 2, ["maart"] = 3, ["april"] = 4, ["mei"] = 5, ["juni"] = 6,
        ["juli"] = 7, ["augustus"] = 8, ["september"] = 9, ["oktober"] = 10, ["november"] = 11, ["december"] = 12,
    };

    // English month names count only capitalised: "may" and "march" are also a verb.
    private static readonly Dictionary<string, int> EnglishMonths = new(StringComparer.Ordinal)
    {
        ["January"] = 1, ["February"] = 2, ["March"] = 3, ["April"] = 4, ["May"] = 5, ["June"] = 6,
        ["July"] = 7, ["August"] = 8, ["September"] = 9, ["October"] = 10, ["November"] = 11, ["December"] = 12,
    };

    private readonly GlossaryMatcher _glossary;
    private readonly ReviewOptions _options;

    /// <summary>Creates a checker for <paramref name="glossary"/> (source term → required translation).</summary>
    public QualityChecker(IReadOnlyDictionary<string, string> glossary, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // The terms the backends protect, found the same way (GlossaryMatcher): what they protect is what is checked.
        _glossary = new GlossaryMatcher(glossary);
    }

    /// <inheritdoc />
    public IReadOnlyList<QualityFlag> Check(string source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var flags = new List<QualityFlag>();
        var sourceEmpty = string.IsNullOrWhiteSpace(source);
        var targetEmpty = string.IsNullOrWhiteSpace(target);
        if (sourceEmpty || targetEmpty)
        {
            if (sourceEmpty != targetEmpty)
            {
                flags.Add(new QualityFlag(
                    QualityFlagKind.Empty,
                    targetEmpty ? "No target text: the source is not translated (omission?)" : "No source text: the target adds something (addition?)",
                    [],
                    []));
            }

            return flags;
        }

        CheckNumbers(source, target, flags);
        CheckGlossary(source, target, flags);
        CheckUntranslated(source, target, flags);
        CheckPairs(source, target, flags);
        CheckEndPunctuation(source, target, flags);
        CheckLength(source, target, flags);
        return flags;
    }

    private static void CheckNumbers(string source, string target, List<QualityFlag> flags)
    {
        var sourceTokens = NumberTokens(source);
        var targetTokens = NumberTokens(target);
        var targetUsed = new bool[targetTokens.Count];
        var sourceMissing = new List<NumberToken>();
        foreach (var token in sourceTokens)
        {
            var match = -1;
            for (var i = 0; i < targetTokens.Count && match < 0; i++)
            {
                if (!targetUsed[i] && token.Values.Overlaps(targetTokens[i].Values))
                {
                    match = i;
                }
            }

            if (match < 0)
            {
                sourceMissing.Add(token);
            }
            else
            {
                targetUsed[match] = true;
            }
        }

        var targetExtra = targetTokens.Where((_, i) => !targetUsed[i]).ToList();
        if (sourceMissing.Count == 0 && targetExtra.Count == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (sourceMissing.Count > 0)
        {
            parts.Add($"{string.Join(", ", sourceMissing.Select(t => t.Text))} not in the target");
        }

        if (targetExtra.Count > 0)
        {
            parts.Add($"{string.Join(", ", targetExtra.Select(t => t.Text))} not in the source");
        }

        flags.Add(new QualityFlag(
            QualityFlagKind.Number,
            "Numbers differ: " + string.Join("; ", parts),
            sourceMissing.Select(t => t.Span).ToArray(),
            targetExtra.Select(t => t.Span).ToArray()));
    }

    private sealed record NumberToken(string Text, TextSpan Span, HashSet<string> Values);

    private static List<NumberToken> NumberTokens(string text)
    {
        var tokens = new List<NumberToken>();
        foreach (Match match in NumberOrWord().Matches(text))
        {
            var span = new TextSpan(match.Index, match.Length);
            if (char.IsAsciiDigit(match.Value[0]))
            {
                tokens.Add(new NumberToken(match.Value, span, NumberValues(match.Value)));
            }
            else if (DutchMonths.TryGetValue(match.Value, out var month) || EnglishMonths.TryGetValue(match.Value, out month))
            {
                tokens.Add(new NumberToken(match.Value, span, [$"month:{month}"]));
            }
        }

        return tokens;
    }

    /// <summary>
    /// Every value a written number can have: <c>3,5</c> and <c>3.5</c> are both 3.5, while <c>1.000</c> is
    /// 1000 with Dutch grouping and 1 with an English decimal point, so it matches either.
    /// </summary>
    private static HashSet<string> NumberValues(string token)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (decimalSeparator, groupSeparator) in new[] { (',', '.'), ('.', ',') })
        {
            if (TryParseNumber(token, decimalSeparator, groupSeparator, out var value))
            {
                values.Add(value.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        if (values.Count == 0)
        {
            values.Add("text:" + token);
        }

        return values;
    }

    private static bool TryParseNumber(string token, char decimalSeparator, char groupSeparator, out double value)
    {
        value = 0;
        var parts = token.Split(decimalSeparator);
        if (parts.Length > 2 || (parts.Length == 2 && parts[1].Contains(groupSeparator, StringComparison.Ordinal)))
        {
            return false;
        }

        var groups = parts[0].Split(groupSeparator);
        if (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return false;
        }

        var normalised = string.Concat(groups) + (parts.Length == 2 ? "." + parts[1] : "");
        return double.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private void CheckGlossary(string source, string target, List<QualityFlag> flags)
    {
        foreach (var term in _glossary.Matches(source).GroupBy(m => m.Term).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var translation = term.First().Rendering;
            if (!GlossaryMatcher.Contains(target, translation))
            {
                // Where the term was left as it was, the target shows it too.
                flags.Add(new QualityFlag(
                    QualityFlagKind.Glossary,
                    $"“{term.Key}” should be rendered as “{translation}”",
                    term.Select(m => new TextSpan(m.Start, m.Length)).ToArray(),
                    GlossaryMatcher.Occurrences(target, term.Key).Select(o => new TextSpan(o.Start, o.Length)).ToArray()));
            }
        }
    }

    private void CheckUntranslated(string source, string target, List<QualityFlag> flags)
    {
        var normalisedSource = Normalise(source);
        if (string.Equals(normalisedSource, Normalise(target), StringComparison.Ordinal))
        {
            if (Words().Count(source) >= 2)
            {
                flags.Add(new QualityFlag(QualityFlagKind.Untranslated, "Target is identical to the source", [], [new TextSpan(0, target.Length)]));
            }

            return;
        }

        var sourceWords = Words().Matches(source)
            .Where(m => m.Length >= 4)
            .Select(m => m.Value.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        if (sourceWords.Count < 4)
        {
            return;
        }

        var kept = Words().Matches(target).Where(m => sourceWords.Contains(m.Value.ToLowerInvariant())).ToList();
        var keptDistinct = kept.Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count();
        var share = (double)keptDistinct / sourceWords.Count;
        if (share >= _options.UntranslatedShare)
        {
            flags.Add(new QualityFlag(
                QualityFlagKind.Untranslated,
                string.Create(CultureInfo.InvariantCulture, $"Looks untranslated: {keptDistinct} of {sourceWords.Count} source words appear unchanged in the target"),
                [],
                kept.Select(m => new TextSpan(m.Index, m.Length)).ToArray()));
        }
    }

    private static string Normalise(string text) => Whitespace().Replace(text.Trim(), " ").ToLowerInvariant();

    private static void CheckPairs(string source, string target, List<QualityFlag> flags)
    {
        var sourcePairs = UnmatchedPairs(source);
        var targetPairs = UnmatchedPairs(target);
        if ((sourcePairs.Quotes.Count == 0) != (targetPairs.Quotes.Count == 0))
        {
            flags.Add(new QualityFlag(
                QualityFlagKind.Quotes,
                $"Unbalanced quotation marks in the {(targetPairs.Quotes.Count > 0 ? "target" : "source")} only",
                sourcePairs.Quotes,
                targetPairs.Quotes));
        }

        if ((sourcePairs.Brackets.Count == 0) != (targetPairs.Brackets.Count == 0))
        {
            flags.Add(new QualityFlag(
                QualityFlagKind.Brackets,
                $"Unbalanced brackets in the {(targetPairs.Brackets.Count > 0 ? "target" : "source")} only",
                sourcePairs.Brackets,
                targetPairs.Brackets));
        }
    }

    /// <summary>The positions of quotation marks and brackets that have no partner.</summary>
    private static (List<TextSpan> Quotes, List<TextSpan> Brackets) UnmatchedPairs(string text)
    {
        var brackets = new Stack<(char Open, int At)>();
        var doubles = new Stack<int>();
        var singles = new Stack<int>();
        var unmatchedQuotes = new List<TextSpan>();
        var unmatchedBrackets = new List<TextSpan>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var before = i > 0 ? text[i - 1] : ' ';
            switch (c)
            {
                case '(' or '[' or '{':
                    brackets.Push((c, i));
                    break;
                case ')' or ']' or '}':
                    var open = c switch { ')' => '(', ']' => '[', _ => '{' };
                    if (brackets.Count > 0 && brackets.Peek().Open == open)
                    {
                        brackets.Pop();
                    }
                    else
                    {
                        unmatchedBrackets.Add(new TextSpan(i, 1));
                    }

                    break;
                case '“' or '„' or '«':
                    doubles.Push(i);
                    break;
                case '”' or '»':
                    Close(doubles, i, unmatchedQuotes);
                    break;
                case '"':
                    if (IsOpening(before))
                    {
                        doubles.Push(i);
                    }
                    else
                    {
                        Close(doubles, i, unmatchedQuotes);
                    }

                    break;
                case '‘':
                    singles.Push(i);
                    break;
                case '’' or '\'':
                    // An apostrophe inside a word (Zo’n, Putin's) is not a quotation mark.
                    if (WordBoundary.IsInnerApostrophe(text, i))
                    {
                        break;
                    }

                    if (c == '\'' && IsOpening(before))
                    {
                        singles.Push(i);
                    }
                    else
                    {
                        Close(singles, i, unmatchedQuotes);
                    }

                    break;
            }
        }

        unmatchedQuotes.AddRange(doubles.Concat(singles).Select(at => new TextSpan(at, 1)));
        unmatchedBrackets.AddRange(brackets.Select(b => new TextSpan(b.At, 1)));
        unmatchedQuotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        unmatchedBrackets.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (unmatchedQuotes, unmatchedBrackets);
    }

    private static bool IsOpening(char before) => char.IsWhiteSpace(before) || before is '(' or '[' or '{' or '“' or '‘' or '-' or '—';

    private static void Close(Stack<int> open, int at, List<TextSpan> unmatched)
    {
        if (open.Count > 0)
        {
            open.Pop();
        }
        else
        {
            unmatched.Add(new TextSpan(at, 1));
        }
    }

    private static void CheckEndPunctuation(string source, string target, List<QualityFlag> flags)
    {
        var (sourceEnd, sourceAt) = EndPunctuation(source);
        var (targetEnd, targetAt) = EndPunctuation(target);
        if (sourceEnd == targetEnd)
        {
            return;
        }

        static string Describe(string end) => end.Length == 0 ? "no punctuation" : $"“{end}”";
        flags.Add(new QualityFlag(
            QualityFlagKind.Punctuation,
            $"End punctuation differs: source ends with {Describe(sourceEnd)}, target with {Describe(targetEnd)}",
            sourceAt < 0 ? [] : [new TextSpan(sourceAt, 1)],
            targetAt < 0 ? [] : [new TextSpan(targetAt, 1)]));
    }

    /// <summary>The sentence punctuation a text ends with, looking past closing quotes and brackets; "" when none.</summary>
    private static (string End, int At) EndPunctuation(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '”' or '’' or '"' or '\'' or '»' or ')' or ']' or '}'))
        {
            i--;
        }

        if (i < 0)
        {
            return ("", -1);
        }

        return text[i] switch
        {
            '.' when i >= 2 && text[i - 1] == '.' && text[i - 2] == '.' => ("…", i),
            '.' or '!' or '?' or ':' or ';' or '…' => (text[i].ToString(), i),
            _ => ("", -1),
        };
    }

    private void CheckLength(string source, string target, List<QualityFlag> flags)
    {
        var sourceLength = source.Trim().Length;
        if (sourceLength < _options.MinLengthForRatio)
        {
            return;
        }

        var ratio = (double)target.Trim().Length / sourceLength;
        if (ratio < _options.MinLengthRatio || ratio > _options.MaxLengthRatio)
        {
            flags.Add(new QualityFlag(
                QualityFlagKind.Length,
                string.Create(CultureInfo.InvariantCulture, $"Target is {ratio:0.00}× the length of the source (expected {_options.MinLengthRatio:0.##}–{_options.MaxLengthRatio:0.##}×)"),
                [],
                []));
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\d+(?:[.,]\d+)*|\p{L}+)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberOrWord();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
