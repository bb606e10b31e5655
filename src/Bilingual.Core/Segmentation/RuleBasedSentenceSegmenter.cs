using System.Buffers;
using System.Collections.Concurrent;
using Bilingual.Core.Documents;
using Bilingual.Core.Text;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Segmentation;

/// <summary>
/// Splits paragraphs with the built-in <see cref="SentenceRules"/> of each language, plus the extra
/// abbreviations from <see cref="SegmentationOptions"/>. One left-to-right pass that jumps from one
/// terminator (<c>. ! ? …</c>) to the next and looks only at the word before it and the word after it,
/// so the cost is linear in the text.
/// </summary>
internal sealed class RuleBasedSentenceSegmenter(IOptions<SegmentationOptions> options) : ISentenceSegmenter
{
    private readonly ConcurrentDictionary<string, LanguageTables> _tables = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<Segment> Split(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tables = _tables.GetOrAdd(LanguageTag.PrimaryLanguage(language), CreateTables);
        var breaks = new List<int>();
        new Scanner(text, tables, breaks).Run();
        return SegmentList.FromBreaks(text, breaks);
    }

    private LanguageTables CreateTables(string subtag)
    {
        var value = options.Value;
        return new LanguageTables(
            SentenceRules.For(subtag),
            value.Abbreviations.GetValueOrDefault(subtag) ?? [],
            value.PrefixAbbreviations.GetValueOrDefault(subtag) ?? []);
    }

    /// <summary>What an abbreviation says about the full stop after it.</summary>
    private enum AbbreviationKind
    {
        None,
        Prefix,
        Number,
        Final,
        Ambiguous,
    }

    /// <summary>What else an abbreviation's context decides (<see cref="SentenceRules.DateAbbreviations"/> and the like).</summary>
    [Flags]
    private enum AbbreviationTraits
    {
        None = 0,
        Date = 1,
        CompanyForm = 2,
        Noun = 4,
    }

    /// <summary>A known abbreviation: its kind and the context rules that may override it.</summary>
    private readonly record struct Abbreviation(AbbreviationKind Kind, AbbreviationTraits Traits);

    /// <summary>What the text after a candidate boundary starts with.</summary>
    private enum NextKind
    {
        Lower,
        Upper,
        Digit,
        Ellipsis,
        Other,
    }

    /// <summary>The text after a candidate boundary: its kind and, for a word, where the word is.</summary>
    private readonly record struct NextToken(NextKind Kind, int WordStart, int WordEnd, bool Quoted);

    /// <summary>A language's rules compiled into lookups that take spans, so scanning allocates nothing.</summary>
    private sealed class LanguageTables
    {
        private readonly Dictionary<string, Abbreviation>.AlternateLookup<ReadOnlySpan<char>> _abbreviations;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _openers;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _months;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _determiners;

        public LanguageTables(SentenceRules rules, IEnumerable<string> extraAmbiguous, IEnumerable<string> extraPrefix)
        {
            Rules = rules;
            Terminators = SearchValues.Create(rules.SentenceEnd);
            var abbreviations = new Dictionary<string, Abbreviation>(StringComparer.Ordinal);

            // Later lists win: the configured ones last, so configuration can move a built-in entry.
            Add(abbreviations, rules.AmbiguousAbbreviations, AbbreviationKind.Ambiguous);
            Add(abbreviations, rules.FinalAbbreviations, AbbreviationKind.Final);
            Add(abbreviations, rules.NumberAbbreviations, AbbreviationKind.Number);
            Add(abbreviations, rules.PrefixAbbreviations, AbbreviationKind.Prefix);
            Add(abbreviations, extraAmbiguous, AbbreviationKind.Ambiguous);
            Add(abbreviations, extraPrefix, AbbreviationKind.Prefix);
            AddTrait(abbreviations, rules.DateAbbreviations, AbbreviationTraits.Date);
            AddTrait(abbreviations, rules.CompanyForms, AbbreviationTraits.CompanyForm);
            AddTrait(abbreviations, rules.NounAbbreviations, AbbreviationTraits.Noun);
            _abbreviations = abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
            _openers = Lookup(rules.SentenceOpeners);
            _months = Lookup(rules.MonthNames);
            _determiners = Lookup(rules.Determiners);
        }

        public SentenceRules Rules { get; }

        public SearchValues<char> Terminators { get; }

        public Abbreviation Classify(ReadOnlySpan<char> word)
        {
            if (_abbreviations.TryGetValue(word, out var abbreviation))
            {
                return abbreviation;
            }

            // A capitalised abbreviation at the start of a sentence (Nr. 5, Dr. Jansen); single capitals
            // are initials, and all-capital words (ING) are names, so only the first letter is folded.
            if (word.Length is > 1 and <= 32 && char.IsUpper(word[0]) && !char.IsUpper(word[1]))
            {
                Span<char> folded = stackalloc char[word.Length];
                word.CopyTo(folded);
                folded[0] = char.ToLowerInvariant(word[0]);
                if (_abbreviations.TryGetValue(folded, out abbreviation))
                {
                    return abbreviation;
                }
            }

            return default;
        }

        public bool IsOpener(ReadOnlySpan<char> word) => _openers.Contains(word);

        public bool IsMonth(ReadOnlySpan<char> word) => _months.Contains(word);

        /// <summary>Whether <paramref name="word"/> is a determiner, also capitalised at a sentence start (<c>Een</c>).</summary>
        public bool IsDeterminer(ReadOnlySpan<char> word)
        {
            if (_determiners.Contains(word))
            {
                return true;
            }

            if (word.Length is 0 or > 32 || !char.IsUpper(word[0]))
            {
                return false;
            }

            Span<char> folded = stackalloc char[word.Length];
            word.CopyTo(folded);
            folded[0] = char.ToLowerInvariant(word[0]);
            return _determiners.Contains(folded);
        }

        private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(IEnumerable<string> words) =>
            new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private static void Add(Dictionary<string, Abbreviation> target, IEnumerable<string> entries, AbbreviationKind kind)
        {
            foreach (var entry in entries)
            {
                var key = entry.Trim().TrimEnd('.');
                target[key] = new Abbreviation(kind, target.GetValueOrDefault(key).Traits);
            }
        }

        private static void AddTrait(Dictionary<string, Abbreviation> target, IEnumerable<string> entries, AbbreviationTraits trait)
        {
            foreach (var entry in entries)
            {
                var key = entry.Trim().TrimEnd('.');
                var known = target.GetValueOrDefault(key);
                target[key] = known with { Traits = known.Traits | trait };
            }
        }
    }

    /// <summary>One pass over one paragraph.</summary>
    private sealed class Scanner(string text, LanguageTables tables, List<int> breaks)
    {
        private const string HardTerminators = "。！？｡";
        private const string Closers = "’”'\"»›)]}」』";
        private const string Openers = "‘“'\"«‹„‚([{¿¡「『";
        private const string Bullets = "•⁃‣◦▪▫●○■□►▶➢➤";

        private readonly int _length = text.Length;
        private int _sentenceStart;

        public void Run()
        {
            var listBreaks = FindListBreaks();
            var nextListBreak = 0;
            _sentenceStart = SkipWhitespace(0);
            var position = _sentenceStart;
            while (position < _length)
            {
                var found = text.AsSpan(position).IndexOfAny(tables.Terminators);
                var terminator = found < 0 ? _length : position + found;
                while (nextListBreak < listBreaks.Count && listBreaks[nextListBreak] <= terminator)
                {
                    Break(listBreaks[nextListBreak], listBreaks[nextListBreak]);
                    nextListBreak++;
                }

                if (found < 0)
                {
                    break;
                }

                position = HandleTerminator(terminator);
            }
        }

        private void Break(int at, int nextSentenceStart)
        {
            if (at > 0 && at < _length && (breaks.Count == 0 || at > breaks[^1]))
            {
                breaks.Add(at);
            }

            _sentenceStart = nextSentenceStart;
        }

        /// <summary>Decides about the terminator at <paramref name="t"/>; returns where scanning resumes.</summary>
        private int HandleTerminator(int t)
        {
            if (HardTerminators.Contains(text[t], StringComparison.Ordinal))
            {
                // CJK full stops end a sentence with no space after them.
                var end = t + 1;
                while (end < _length && (HardTerminators.Contains(text[end], StringComparison.Ordinal) || Closers.Contains(text[end], StringComparison.Ordinal)))
                {
                    end++;
                }

                Break(end, SkipWhitespace(end));
                return end;
            }

            if (text[t] == '.' && CountSpacedDots(t, out var spacedEnd) >= 3)
            {
                return HandleSpacedEllipsis(t, spacedEnd);
            }

            var runEnd = t;
            var dots = 0;
            var ellipsis = false;
            var exclamation = false;
            while (runEnd < _length && tables.Terminators.Contains(text[runEnd]) && !HardTerminators.Contains(text[runEnd], StringComparison.Ordinal))
            {
                switch (text[runEnd])
                {
                    case '.':
                        dots++;
                        break;
                    case '…':
                        ellipsis = true;
                        break;
                    default:
                        exclamation = true;
                        break;
                }

                runEnd++;
            }

            ellipsis |= dots >= 2;
            if (ellipsis && !exclamation && t > 0 && text[t - 1] is '[' or '(' && runEnd < _length && text[runEnd] is ']' or ')')
            {
                // "[...]" marks an omission inside a quotation, never a boundary.
                return runEnd + 1;
            }

            var close = SkipClosers(runEnd);
            if (close >= _length || !char.IsWhiteSpace(text[close]))
            {
                // "1.000", "12.30", "nos.nl", "Jr.'s", "...see": no space, no boundary.
                return close;
            }

            var next = SkipWhitespace(close);
            if (next >= _length)
            {
                return _length;
            }

            var token = ReadNext(next);
            bool ends;
            if (exclamation)
            {
                // "Yahoo! in the", "‘Waarom?’ vroeg hij": a lower-case word continues the sentence.
                ends = token.Kind != NextKind.Lower;
            }
            else if (ellipsis)
            {
                ends = token.Kind is NextKind.Upper or NextKind.Ellipsis or NextKind.Other;
            }
            else
            {
                ends = FullStopBreaks(t, token);
            }

            if (ends)
            {
                Break(close, next);
            }

            return close;
        }

        /// <summary>
        /// A spaced ellipsis (<c>. . .</c>) as the Chicago Manual of Style writes it: three dots never end
        /// a sentence; four do before a capital, and when the first dot is glued to the word it is that
        /// sentence's full stop and the three spaced dots open the next one (pySBD golden rules 45–48).
        /// </summary>
        private int HandleSpacedEllipsis(int t, int spacedEnd)
        {
            var count = ((spacedEnd - t) / 2) + 1;
            var attached = t > 0 && !char.IsWhiteSpace(text[t - 1]);
            var close = SkipClosers(spacedEnd);
            if (close >= _length || !char.IsWhiteSpace(text[close]))
            {
                return close;
            }

            var next = SkipWhitespace(close);
            if (next >= _length || count < 4 || ReadNext(next).Kind is NextKind.Lower or NextKind.Digit)
            {
                return close;
            }

            if (attached)
            {
                Break(t + 1, t + 2);
            }
            else
            {
                Break(close, next);
            }

            return close;
        }

        /// <summary>Counts the dots of <c>. . .</c> from <paramref name="t"/>; <paramref name="end"/> is just past the last.</summary>
        private int CountSpacedDots(int t, out int end)
        {
            var count = 1;
            var k = t;
            while (k + 2 < _length && text[k + 1] == ' ' && text[k + 2] == '.')
            {
                k += 2;
                count++;
            }

            end = k + 1;
            return count;
        }

        /// <summary>Whether the single full stop at <paramref name="t"/> ends a sentence.</summary>
        private bool FullStopBreaks(int t, NextToken next)
        {
            if (next.Kind == NextKind.Lower)
            {
                return false;
            }

            var tokenStart = t;
            while (tokenStart > 0 && !char.IsWhiteSpace(text[tokenStart - 1]))
            {
                tokenStart--;
            }

            var wordStart = tokenStart;
            while (wordStart < t && (Openers.Contains(text[wordStart], StringComparison.Ordinal) || Bullets.Contains(text[wordStart], StringComparison.Ordinal)))
            {
                wordStart++;
            }

            var word = text.AsSpan(wordStart, t - wordStart);
            if (word.IsEmpty)
            {
                return next.Kind != NextKind.Digit;
            }

            if (IsListMarker(word) && IsFirstWordOfSentence(tokenStart))
            {
                // "1. The first item", "a. The first item".
                return false;
            }

            var abbreviation = tables.Classify(word);
            if (abbreviation.Traits != AbbreviationTraits.None)
            {
                if ((abbreviation.Traits & AbbreviationTraits.Date) != 0)
                {
                    // "za. 12 okt.", "vr. 9.00 uur"; elsewhere "zo", "ma" and "do" are words.
                    return !(next.Kind == NextKind.Digit && IsDateOrTime(next.WordStart));
                }

                var previous = PreviousWord(tokenStart);
                if ((abbreviation.Traits & AbbreviationTraits.CompanyForm) != 0 && !previous.IsEmpty && char.IsUpper(previous[0]))
                {
                    // "Nedap bv. Het bedrijf", "Apple Inc. De": after a name the company form may end the sentence.
                    return AmbiguousBreaks(tokenStart, next);
                }

                if ((abbreviation.Traits & AbbreviationTraits.Noun) != 0 && FollowsDeterminer(tokenStart, previous))
                {
                    // "het gen.", "een echte prof.": a noun, which ends a sentence like any word.
                    return true;
                }
            }

            switch (abbreviation.Kind)
            {
                case AbbreviationKind.Prefix:
                    return false;
                case AbbreviationKind.Number:
                    return next.Kind != NextKind.Digit;
                case AbbreviationKind.Final:
                    return true;
                case AbbreviationKind.Ambiguous:
                    return AmbiguousBreaks(tokenStart, next);
            }

            if (word.Length == 1 && char.IsLetter(word[0]))
            {
                // An initial (Jonas E. Smith) unless a sentence plainly starts (you and I. Did you…).
                return next.Kind == NextKind.Ellipsis
                    || (next.Kind == NextKind.Upper && (next.Quoted || OpensSentence(next)));
            }

            return !LooksLikeDottedAbbreviation(word) || AmbiguousBreaks(tokenStart, next);
        }

        /// <summary>After <c>U.S.</c> or <c>co.</c>: a break only where the next word plainly opens a sentence.</summary>
        private bool AmbiguousBreaks(int tokenStart, NextToken next)
        {
            switch (next.Kind)
            {
                case NextKind.Ellipsis:
                    return true;
                case NextKind.Upper:
                    var opens = next.Quoted || OpensSentence(next) || IsTitle(next);
                    return opens && HasWordsBefore(tokenStart, tables.Rules.MinimumWordsBeforeAmbiguousBreak - 1);
                default:
                    return false;
            }
        }

        /// <summary>A common sentence opener that is not the first half of a name (<c>De Vries</c>, <c>The Hague</c>).</summary>
        private bool OpensSentence(NextToken next)
        {
            if (next.WordEnd == next.WordStart)
            {
                // An elided article (’s Avonds) or a capital that is not a letter word.
                return next.WordEnd < _length && !char.IsLetter(text[next.WordStart]);
            }

            if (!tables.IsOpener(text.AsSpan(next.WordStart, next.WordEnd - next.WordStart)))
            {
                return false;
            }

            var after = SkipWhitespace(next.WordEnd);
            return after == next.WordEnd || after >= _length || !char.IsUpper(text[after]);
        }

        /// <summary>A title such as <c>Mr.</c> after the boundary: <c>6 P.M. Mr. Smith</c>.</summary>
        private bool IsTitle(NextToken next) =>
            next.WordEnd > next.WordStart
            && next.WordEnd < _length
            && text[next.WordEnd] == '.'
            && tables.Classify(text.AsSpan(next.WordStart, next.WordEnd - next.WordStart)).Kind == AbbreviationKind.Prefix;

        /// <summary>The word before <paramref name="tokenStart"/> in the current sentence, or nothing.</summary>
        private ReadOnlySpan<char> PreviousWord(int tokenStart)
        {
            var end = tokenStart;
            while (end > _sentenceStart && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > _sentenceStart && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            return text.AsSpan(start, end - start);
        }

        /// <summary>
        /// Whether a determiner stands just before the token at <paramref name="tokenStart"/>, or before one
        /// lower-case word there (an adjective: <c>een echte prof.</c>).
        /// </summary>
        private bool FollowsDeterminer(int tokenStart, ReadOnlySpan<char> previous)
        {
            if (tables.IsDeterminer(previous))
            {
                return true;
            }

            if (previous.IsEmpty || !char.IsLower(previous[0]))
            {
                return false;
            }

            var previousStart = tokenStart - 1;
            while (previousStart > _sentenceStart && char.IsWhiteSpace(text[previousStart]))
            {
                previousStart--;
            }

            return tables.IsDeterminer(PreviousWord(previousStart + 1 - previous.Length));
        }

        /// <summary>
        /// Whether a date or a time starts at <paramref name="p"/>: a day and a month (<c>12 okt.</c>,
        /// <c>3 maart</c>), a numeric date (<c>12-10</c>, <c>12/10</c>) or a time (<c>9.00</c>, <c>20:30</c>).
        /// </summary>
        private bool IsDateOrTime(int p)
        {
            var q = p;
            while (q < _length && q - p < 3 && char.IsAsciiDigit(text[q]))
            {
                q++;
            }

            if (q == p || q - p > 2 || q >= _length)
            {
                return false;
            }

            if (text[q] is '.' or ':' or '-' or '/')
            {
                return q + 1 < _length && char.IsAsciiDigit(text[q + 1]);
            }

            var wordStart = SkipWhitespace(q);
            if (wordStart == q)
            {
                return false;
            }

            var wordEnd = wordStart;
            while (wordEnd < _length && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            return wordEnd > wordStart && tables.IsMonth(text.AsSpan(wordStart, wordEnd - wordStart));
        }

        /// <summary>Whether at least <paramref name="count"/> words precede <paramref name="tokenStart"/> in the current sentence.</summary>
        private bool HasWordsBefore(int tokenStart, int count)
        {
            var words = 0;
            var inWord = false;
            for (var i = tokenStart - 1; i >= _sentenceStart && words < count; i--)
            {
                var isSpace = char.IsWhiteSpace(text[i]);
                if (!isSpace && !inWord)
                {
                    words++;
                }

                inWord = !isSpace;
            }

            return words >= count;
        }

        private bool IsFirstWordOfSentence(int tokenStart)
        {
            if (tokenStart < _sentenceStart || tokenStart - _sentenceStart > 8)
            {
                return tokenStart <= _sentenceStart;
            }

            foreach (var c in text.AsSpan(_sentenceStart, tokenStart - _sentenceStart))
            {
                if (!char.IsWhiteSpace(c) && !Bullets.Contains(c, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsListMarker(ReadOnlySpan<char> word) =>
            (word.Length == 1 && char.IsLetter(word[0])) || (word.Length <= 3 && !word.ContainsAnyExceptInRange('0', '9'));

        /// <summary>
        /// <c>U.S.A</c>, <c>M.J</c>, <c>Ph.D</c>, <c>v.Chr</c>: letter groups of one or two letters (the last up
        /// to three) joined by full stops; <c>nu.nl</c> and <c>nos.nl</c> are domain names, not abbreviations.
        /// </summary>
        private static bool LooksLikeDottedAbbreviation(ReadOnlySpan<char> word)
        {
            var groups = 0;
            var allLong = true;
            var lastLower = false;
            foreach (var range in word.Split('.'))
            {
                var group = word[range];
                var last = range.End.GetOffset(word.Length) == word.Length;
                if (group.IsEmpty || group.Length > (last ? 3 : 2))
                {
                    return false;
                }

                foreach (var c in group)
                {
                    if (!char.IsLetter(c))
                    {
                        return false;
                    }
                }

                allLong &= group.Length >= 2;
                lastLower = !char.IsUpper(group[0]);
                groups++;
            }

            return groups >= 2 && !(allLong && lastLower);
        }

        /// <summary>Reads what follows a candidate boundary at <paramref name="p"/> (no whitespace there).</summary>
        private NextToken ReadNext(int p)
        {
            if (tables.Rules.StartsWithElidedWord(text.AsSpan(p)))
            {
                return new NextToken(NextKind.Upper, p, p, Quoted: false);
            }

            var q = p;
            while (q < _length && Openers.Contains(text[q], StringComparison.Ordinal))
            {
                q++;
            }

            var quoted = q > p;
            if (q >= _length)
            {
                return new NextToken(NextKind.Other, q, q, quoted);
            }

            var c = text[q];
            if (c == '…' || (c == '.' && q + 1 < _length && text[q + 1] == '.'))
            {
                return new NextToken(NextKind.Ellipsis, q, q, quoted);
            }

            if (char.IsDigit(c))
            {
                return new NextToken(NextKind.Digit, q, q, quoted);
            }

            if (char.IsLower(c))
            {
                return new NextToken(NextKind.Lower, q, q, quoted);
            }

            if (!char.IsLetter(c))
            {
                return new NextToken(NextKind.Other, q, q, quoted);
            }

            var end = q;
            while (end < _length && char.IsLetter(text[end]))
            {
                end++;
            }

            return new NextToken(NextKind.Upper, q, end, quoted);
        }

        private int SkipWhitespace(int p)
        {
            while (p < _length && char.IsWhiteSpace(text[p]))
            {
                p++;
            }

            return p;
        }

        private int SkipClosers(int p)
        {
            while (p < _length && Closers.Contains(text[p], StringComparison.Ordinal))
            {
                p++;
            }

            return p;
        }

        /// <summary>
        /// Where the items of a run-in list start, when the paragraph opens with a list marker: a bullet
        /// (every later bullet of the same kind after a space starts an item), or <c>1.</c>, <c>1)</c>,
        /// <c>1.)</c>, <c>a.</c>, <c>a)</c> (every later marker with the next number or letter in the same
        /// style starts an item).
        /// </summary>
        private List<int> FindListBreaks()
        {
            var found = new List<int>();
            var p = SkipWhitespace(0);
            if (p >= _length)
            {
                return found;
            }

            if (Bullets.Contains(text[p], StringComparison.Ordinal))
            {
                var bullet = text[p];
                for (var q = text.IndexOf(bullet, p + 1); q > 0; q = q + 1 < _length ? text.IndexOf(bullet, q + 1) : -1)
                {
                    if (char.IsWhiteSpace(text[q - 1]))
                    {
                        found.Add(q);
                    }
                }

                return found;
            }

            if (!TryReadListMarker(p, out var value, out var style))
            {
                return found;
            }

            for (var q = p + 1; q < _length; q++)
            {
                if (char.IsWhiteSpace(text[q - 1])
                    && char.IsAsciiLetterOrDigit(text[q])
                    && TryReadListMarker(q, out var next, out var nextStyle)
                    && next == value + 1
                    && nextStyle == style)
                {
                    found.Add(q);
                    value = next;
                }
            }

            return found;
        }

        /// <summary>Reads <c>12.</c>, <c>12)</c>, <c>12.)</c>, <c>b.</c> or <c>B)</c> followed by a space; letters count from 1001.</summary>
        private bool TryReadListMarker(int p, out int value, out int style)
        {
            value = 0;
            style = 0;
            var q = p;
            while (q < _length && q - p < 3 && char.IsAsciiDigit(text[q]))
            {
                value = (value * 10) + (text[q] - '0');
                q++;
            }

            var letter = q == p;
            if (letter)
            {
                if (q >= _length || !char.IsAsciiLetter(text[q]))
                {
                    return false;
                }

                value = 1000 + char.ToLowerInvariant(text[q]) - 'a' + 1;
                q++;
            }

            if (q + 1 < _length && text[q] == '.' && text[q + 1] == ')')
            {
                style = 3;
                q += 2;
            }
            else if (q < _length && text[q] == ')')
            {
                style = 2;
                q++;
            }
            else if (q < _length && text[q] == '.' && !(letter && char.IsUpper(text[p])))
            {
                // "A. Jansen" is an initial, not the first item of a list.
                style = 1;
                q++;
            }
            else
            {
                return false;
            }

            return q < _length && char.IsWhiteSpace(text[q]);
        }
    }
}
