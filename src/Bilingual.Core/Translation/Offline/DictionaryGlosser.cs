using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bilingual.Core.Lexicon;
using Bilingual.Core.Text;

namespace Bilingual.Core.Translation.Offline;

/// <summary>A gloss of one text, with what it managed.</summary>
/// <param name="Text">The English gloss.</param>
/// <param name="SourceSentenceLengths">Source sentence lengths, including the whitespace after each.</param>
/// <param name="TargetSentenceLengths">The matching gloss sentence lengths.</param>
/// <param name="Words">Dutch word tokens in the source (numbers excluded).</param>
/// <param name="TranslatedWords">Word tokens that came out as English (glossary, phrase, table or dictionary) rather than kept.</param>
internal sealed record Gloss(
    string Text,
    IReadOnlyList<int> SourceSentenceLengths,
    IReadOnlyList<int> TargetSentenceLengths,
    int Words,
    int TranslatedWords);

/// <summary>
/// Glosses Dutch word by word: the user's glossary first, then fixed expressions, our table of
/// function words, the dictionary with inflection undone, and compounds split against the dictionary.
/// Names, numbers, punctuation and whitespace pass through unchanged.
/// </summary>
internal sealed partial class DictionaryGlosser
{
    // Closed-class words that never head a compound: "in" + "vasie" is not a split of "invasie".
    private static readonly FrozenSet<string> NonHeads = FrozenSet.ToFrozenSet(
        ["de", "het", "een", "en", "van", "in", "op", "die", "dat", "er", "voor", "met", "als", "aan", "om", "te", "ook", "maar",
         "bij", "naar", "zo", "nog", "wel", "al", "hij", "zij", "ze", "we", "wij", "hun", "hem", "haar", "ons", "uit", "tot",
         "door", "over", "tegen", "onder", "na", "per", "zich", "zelf", "dan", "of", "is", "was", "ten", "ter", "des"],
        StringComparer.Ordinal);

    // Adjective suffixes: an -e after these is inflection, whatever the dictionary lists for the inflected form.
    private static readonly string[] AdjectiveEndings = ["ische", "se", "ige", "lijke", "ele", "ieke", "ale", "ijke", "ene"];

    private readonly FreeDictDictionary _dictionary;
    private readonly EquivalentChooser _chooser;
    private readonly GlossaryMatcher _glossary;

    /// <summary>Creates a glosser over <paramref name="dictionary"/> with the user's <paramref name="glossary"/>.</summary>
    public DictionaryGlosser(FreeDictDictionary dictionary, IReadOnlyDictionary<string, string> glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        _dictionary = dictionary;
        _chooser = new EquivalentChooser(dictionary.EnglishWords);
        // The terms the QA check looks for, found the same way (GlossaryMatcher): longest first, so "Poetins"
        // (when configured) wins over "Poetin" + genitive s.
        _glossary = new GlossaryMatcher(glossary);
    }

    /// <summary>Glosses <paramref name="text"/>.</summary>
    public Gloss Translate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenise(text);
        var gloss = new GlossBuilder(text.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var source = text.Substring(token.Start, token.Length);
            if (token.Kind == TokenKind.Space)
            {
                gloss.AppendSpace(source);
                continue;
            }

            var boundary = gloss.MarkSentenceBoundary(token, source, isFirstToken: i == 0);
            if (token.Kind == TokenKind.Punctuation)
            {
                gloss.AppendPunctuation(source, wordFollows: i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word);
                continue;
            }

            // After ". " a lower-case word continues the sentence (an abbreviation: "aanw. vnw."); only the
            // text's first word or a capital starts one.
            gloss.EnterWord(mayStartSentence: token.Kind != TokenKind.Word || char.IsUpper(source[0]) || !HasWordBefore(tokens, i));
            var rendering = Render(text, tokens, i, gloss.SentenceStart);
            gloss.AppendRendering(rendering, isWord: token.Kind == TokenKind.Word, boundary);
            i += rendering.Tokens - 1;
        }

        return gloss.ToGloss();
    }

    /// <summary>
    /// The English for the token at <paramref name="index"/>, with the tokens it takes along: a number as written,
    /// a glossary term's rendering, a fixed expression of several words, or one word read in its context.
    /// </summary>
    private Rendering Render(string text, List<Token> tokens, int index, bool sentenceStart)
    {
        var token = tokens[index];
        if (token.Kind == TokenKind.Number)
        {
            return new Rendering(text.Substring(token.Start, token.Length), Translated: false, Tokens: 1, Words: 0);
        }

        if (token.Kind == TokenKind.Glossary)
        {
            return new Rendering(token.Replacement!, Translated: true, Tokens: 1, Words: 1);
        }

        if (MatchPhrase(text, tokens, index, sentenceStart) is { } phrase)
        {
            return phrase;
        }

        var (english, translated) = TranslateWord(
            text.Substring(token.Start, token.Length), sentenceStart, NextWord(text, tokens, index), PreviousSignificant(text, tokens, index), ParticipleAhead(text, tokens, index));
        return new Rendering(english, translated, Tokens: 1, Words: 1);
    }

    /// <summary>The English for one word, and whether it was translated (false: kept as a name or unknown word).</summary>
    internal (string English, bool Translated) TranslateWord(string word, bool sentenceStart = false, string? next = null, string? previous = null, bool participleAhead = false)
    {
        var lower = word.ToLower(CultureInfo.InvariantCulture);
        var capitalised = char.IsUpper(word[0]);
        if (!capitalised || sentenceStart)
        {
            if (Contextual(lower, next, previous, participleAhead) is { } contextual)
            {
                return (contextual, true);
            }

            var nounContext = previous is not null && NounMarkers.Contains(previous);
            if ((Resolve(lower, capitalised: false, compoundDepth: 0, nounContext) ?? GuessCognate(lower)) is { } english)
            {
                return (english, true);
            }

            return (word, false);
        }

        // Mid-sentence capitals: a name unless the dictionary knows the word (Westen, Unie, Europa).
        if (word.Length > 1 && word.All(char.IsUpper))
        {
            return DutchFunctionWords.Acronyms.TryGetValue(word, out var acronym) ? (acronym, true) : (word, false);
        }

        if (Lookup(lower, capitalised: true) is { } exact)
        {
            return (Capitalise(exact), true);
        }

        // Dutch genitive of a known name: Ruslands → Russia's.
        if (lower.Length > 4 && lower.EndsWith('s') && Lookup(lower[..^1], capitalised: true) is { } owner)
        {
            return (Capitalise(owner) + "'s", true);
        }

        if (Resolve(lower, capitalised: true, compoundDepth: -1) is { } known)
        {
            return (Capitalise(known), true);
        }

        return (word, false);
    }

    /// <summary>
    /// A learned word the dictionary lacks, spelt the English way by its suffix: situatie → situation,
    /// activiteit → activity, agressieve → aggressive, multipolaire → multipolar. Suffixes whose
    /// English ending varies (-isch: symbolic but practical; -tie: police) count only when the
    /// dictionary's English vocabulary has the result.
    /// </summary>
    private string? GuessCognate(string lower)
    {
        foreach (var (dutch, english, needsVocabulary) in CognateSuffixes)
        {
            if (lower.Length >= dutch.Length + 3 && lower.EndsWith(dutch, StringComparison.Ordinal))
            {
                var guess = lower[..^dutch.Length].Replace('k', 'c') + english;
                if (!needsVocabulary || _dictionary.EnglishWords.Contains(guess))
                {
                    return guess;
                }
            }
        }

        return null;
    }

    // Longest suffix first within each family; plural and inflected forms carry their English ending.
    private static readonly (string Dutch, string English, bool NeedsVocabulary)[] CognateSuffixes =
    [
        ("aties", "ations", false), ("atie", "ation", false), ("iteiten", "ities", false), ("iteit", "ity", false),
        ("ismen", "isms", false), ("isme", "ism", false), ("isten", "ists", false), ("ist", "ist", true),
        ("ieve", "ive", false), ("ief", "ive", false), ("iële", "ial", false), ("ieel", "ial", false),
        ("urele", "ural", false), ("ureel", "ural", false), ("ale", "al", false), ("aal", "al", false), ("aire", "ar", false), ("air", "ar", false),
        ("ische", "ic", true), ("isch", "ic", true), ("ische", "ical", true), ("isch", "ical", true),
        ("ties", "tions", true), ("tie", "tion", true),
    ];

    private string? Lookup(string lower, bool capitalised) =>
        DutchFunctionWords.Words.TryGetValue(lower, out var table) && lower.Length >= 4 ? table
        : _chooser.Choose(_dictionary.Lookup(lower), lower, capitalised, forCompoundHead: false);

    /// <summary>The lemma-level lookup: tables, the dictionary, inflections undone, then compounds.</summary>
    private string? Resolve(string lower, bool capitalised, int compoundDepth, bool nounContext = false)
    {
        if (DutchFunctionWords.Words.TryGetValue(lower, out var exact) && (!capitalised || lower.Length >= 4))
        {
            return exact;
        }

        foreach (var (lemma, inflection) in Readings(lower, nounContext))
        {
            if (DutchFunctionWords.Words.TryGetValue(lemma, out var table) && (!capitalised || lemma.Length >= 4))
            {
                return inflection == Inflection.None || lemma == lower ? table : EnglishInflector.Inflect(table, inflection);
            }

            if (_chooser.Choose(_dictionary.Lookup(lemma), lemma, capitalised, forCompoundHead: false) is { } equivalent)
            {
                return EnglishInflector.Inflect(equivalent, inflection);
            }
        }

        return compoundDepth is >= 0 and < 2 ? SplitCompound(lower, compoundDepth) : null;
    }

    private static IEnumerable<Analysis> Readings(string lower, bool nounContext)
    {
        var analyses = DutchMorphology.Analyse(lower);
        // After an article or preposition an -en word is a plural noun before it is an infinitive:
        // "de huizen" are houses, not "to dwell"; so is the tail of a compound (energieprijzen).
        if (nounContext && lower.EndsWith("en", StringComparison.Ordinal))
        {
            foreach (var plural in analyses.Where(a => a.Inflection == Inflection.Plural))
            {
                yield return plural;
            }
        }

        // A strong verb form outranks a homograph headword: gezien is "seen" before it is "dear".
        if (DutchMorphology.IrregularForm(lower) is { } irregular)
        {
            yield return irregular;
        }

        if (AdjectiveEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
        {
            // buitenlandse is the adjective buitenlands, not FreeDict's "foreigner".
            foreach (var analysis in analyses.Where(a => a.Inflection == Inflection.None && a.Lemma == lower[..^1]))
            {
                yield return analysis;
            }
        }

        yield return new Analysis(lower, Inflection.None);
        foreach (var analysis in analyses)
        {
            yield return analysis;
        }
    }

    /// <summary>
    /// Splits a compound into the longest head the dictionary knows and a tail that resolves (itself
    /// perhaps inflected or compound), across a linking -s-, -e- or -en- (ANS §3.3.2): kernwapens →
    /// kern- + wapens → nuclear weapons.
    /// </summary>
    internal string? SplitCompound(string lower, int depth = 0)
    {
        for (var headLength = lower.Length - 3; headLength >= 3; headLength--)
        {
            var head = lower[..headLength];
            if (NonHeads.Contains(head) || HeadEquivalent(head) is not { } headEnglish)
            {
                continue;
            }

            foreach (var link in (string[])["", "s", "en", "e"])
            {
                var rest = lower[headLength..];
                if (!rest.StartsWith(link, StringComparison.Ordinal) || rest.Length - link.Length < 3)
                {
                    continue;
                }

                if (Resolve(rest[link.Length..], capitalised: false, compoundDepth: depth + 1, nounContext: true) is { } tailEnglish)
                {
                    return headEnglish + " " + tailEnglish;
                }
            }
        }

        return null;
    }

    private string? HeadEquivalent(string head)
    {
        if (DutchFunctionWords.Words.TryGetValue(head + "-", out var headForm) || DutchFunctionWords.Words.TryGetValue(head, out headForm))
        {
            return headForm;
        }

        if (_chooser.Choose(_dictionary.Lookup(head), head, capitalised: false, forCompoundHead: true) is { } direct)
        {
            return direct;
        }

        // A verb stem heads compounds too: oefen|terrein, lanceer|basis.
        foreach (var infinitive in DutchMorphology.InfinitivesOfStem(head))
        {
            if (_chooser.Choose(_dictionary.Lookup(infinitive), infinitive, capitalised: false, forCompoundHead: true) is { } verb)
            {
                return verb;
            }
        }

        return null;
    }

    // Words whose English depends on their neighbours: "het is" (it) vs "het land" (the).
    private static string? Contextual(string lower, string? next, string? previous, bool participleAhead)
    {
        var nextIsParticiple = next is not null && DutchMorphology.LooksLikeParticiple(next);
        var nextIsContent = next is not null && char.IsLower(next[0]) && !DutchFunctionWords.ClosedClass.ContainsKey(next) && !nextIsParticiple;
        return lower switch
        {
            "het" when next is null || DutchFunctionWords.ClosedClass.ContainsKey(next) => "it",
            "zijn" when nextIsContent && previous is not ("te" or "zullen" or "zal" or "kan" or "kunnen" or "moet" or "moeten") => "his",
            // worden + participle is the passive: "werden gearresteerd" were arrested; otherwise "became".
            "werd" when participleAhead => "was",
            "werden" when participleAhead => "were",
            "wordt" when !participleAhead => "becomes",
            "die" when previous == "," => "who",
            _ => null,
        };
    }

    // Words after which an -en form is a plural noun rather than an infinitive.
    private static readonly FrozenSet<string> NounMarkers = FrozenSet.ToFrozenSet(
        ["de", "het", "deze", "die", "onze", "hun", "zijn", "haar", "mijn", "alle", "veel", "vele", "meer", "geen", "twee",
         "drie", "vier", "vijf", "tien", "honderden", "duizenden", "enkele", "sommige", "beide", "andere", "van", "voor",
         "met", "tegen", "over", "onder", "tussen", "uit", "bij", "in", "op", "aan", "naar", "zonder", "tijdens", "door", "per"],
        StringComparer.Ordinal);

    private Rendering? MatchPhrase(string text, List<Token> tokens, int index, bool sentenceStart)
    {
        // Up to four words joined by single spaces, longest first.
        var ends = new List<(int TokenEnd, string Exact, string Lower, bool Capitalised)>();
        var exact = new StringBuilder();
        var capitalised = false;
        for (var i = index; i < tokens.Count && ends.Count < 4; i += 2)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                break;
            }

            var word = text.Substring(tokens[i].Start, tokens[i].Length);
            capitalised |= char.IsUpper(word[0]) && !(i == index && sentenceStart);
            exact.Append(exact.Length > 0 ? " " : "").Append(word);
            ends.Add((i, exact.ToString(), exact.ToString().ToLower(CultureInfo.InvariantCulture), capitalised));
            if (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Space || tokens[i + 1].Length != 1 || text[tokens[i + 1].Start] != ' ')
            {
                break;
            }
        }

        for (var n = ends.Count; n >= 2; n--)
        {
            var (end, phrase, lower, hasCapital) = ends[n - 1];
            var english = DutchFunctionWords.Names.GetValueOrDefault(phrase);
            if (english is null && !hasCapital)
            {
                // The dictionary's own multi-word headwords only when they hold a content word: its "op de", "ook al" mislead.
                english = DutchFunctionWords.Phrases.GetValueOrDefault(lower)
                    ?? (lower.Split(' ').All(DutchFunctionWords.ClosedClass.ContainsKey)
                        ? null
                        : _chooser.Choose(_dictionary.Lookup(lower), lower, capitalised: false, forCompoundHead: false));
            }

            if (english is not null)
            {
                return new Rendering(english, Translated: true, Tokens: end - index + 1, Words: n);
            }
        }

        return null;
    }

    private static bool HasWordBefore(List<Token> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Glossary or TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    // A participle among the next few words of the same clause: worden is then the passive auxiliary.
    private static bool ParticipleAhead(string text, List<Token> tokens, int index)
    {
        var seen = 0;
        for (var i = index + 1; i < tokens.Count && seen < 8; i++)
        {
            if (tokens[i].Kind == TokenKind.Punctuation)
            {
                return false;
            }

            if (tokens[i].Kind == TokenKind.Word)
            {
                seen++;
                if (DutchMorphology.LooksLikeParticiple(text.Substring(tokens[i].Start, tokens[i].Length).ToLower(CultureInfo.InvariantCulture)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? NextWord(string text, List<Token> tokens, int index)
    {
        if (index + 2 < tokens.Count && tokens[index + 1].Kind == TokenKind.Space && tokens[index + 2].Kind == TokenKind.Word)
        {
            return text.Substring(tokens[index + 2].Start, tokens[index + 2].Length);
        }

        return null;
    }

    private static string? PreviousSignificant(string text, List<Token> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (tokens[i].Kind != TokenKind.Space)
            {
                return text.Substring(tokens[i].Start, tokens[i].Length).ToLower(CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static bool StartsSentence(Token token, string source) => token.Kind switch
    {
        TokenKind.Word or TokenKind.Glossary => char.IsUpper(source[0]),
        TokenKind.Number => true,
        TokenKind.Punctuation => source is "‘" or "“" or "\"" or "'" or "(" or "«",
        _ => false,
    };

    private static bool StartsWithVowelSound(string english) =>
        english.Length > 1 && "aeiouAEIOU".Contains(english[0], StringComparison.Ordinal)
        && !english.StartsWith("one", StringComparison.OrdinalIgnoreCase)
        && !english.StartsWith("uni", StringComparison.OrdinalIgnoreCase)
        && !english.StartsWith("use", StringComparison.OrdinalIgnoreCase)
        && !english.StartsWith("eu", StringComparison.OrdinalIgnoreCase);

    private static string Capitalise(string english) =>
        english.Length == 0 || char.IsUpper(english[0]) ? english : char.ToUpperInvariant(english[0]) + english[1..];

    private static List<int> Lengths(List<int> starts, int total)
    {
        var lengths = new List<int>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            lengths.Add((i + 1 < starts.Count ? starts[i + 1] : total) - starts[i]);
        }

        return lengths;
    }

    private List<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (position < text.Length)
        {
            if (_glossary.MatchAt(text, position) is { } term)
            {
                tokens.Add(new Token(TokenKind.Glossary, position, term.Length, term.RequiredRendering));
                position = term.End;
                continue;
            }

            var match = TokenPattern().Match(text, position);
            var kind = match.Groups["word"].Success ? TokenKind.Word
                : match.Groups["number"].Success ? TokenKind.Number
                : match.Groups["space"].Success ? TokenKind.Space
                : TokenKind.Punctuation;
            tokens.Add(new Token(kind, position, match.Length, null));
            position += match.Length;
        }

        return tokens;
    }

    // Words keep inner apostrophes (zo’n, auto's); numbers keep inner separators (2.0, 1.500, 12:30).
    [GeneratedRegex(@"\G(?:(?<word>\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)|(?<number>\p{N}+(?:[.,:]\p{N}+)*)|(?<space>\s+)|(?<punctuation>.))", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private enum TokenKind
    {
        Word,
        Number,
        Space,
        Punctuation,
        Glossary,
    }

    private readonly record struct Token(TokenKind Kind, int Start, int Length, string? Replacement);

    /// <summary>The English for one or more tokens.</summary>
    /// <param name="English">The English text.</param>
    /// <param name="Translated">Whether it came out as English rather than kept (a name, a number, an unknown word).</param>
    /// <param name="Tokens">How many tokens it covers (a phrase covers its words and the spaces between).</param>
    /// <param name="Words">How many Dutch words it covers (a number counts none).</param>
    private readonly record struct Rendering(string English, bool Translated, int Tokens, int Words);

    /// <summary>
    /// The gloss as it is written, token by token, with what carries from one token to the next: where
    /// sentences start on either side, the word counts, and the spots a later word may still change (the
    /// hyphen of a compound, the "a" before a vowel).
    /// </summary>
    private sealed class GlossBuilder(int sourceLength)
    {
        private readonly StringBuilder _output = new(sourceLength + (sourceLength / 4));
        private readonly List<int> _sourceStarts = [0];
        private readonly List<int> _targetStarts = [0];
        private int _words;
        private int _translatedWords;
        private bool _afterTerminal;
        private bool _previousTranslated;
        private int _hyphenAt = -1;
        private int _articleAt = -1;

        /// <summary>Whether the next word starts a sentence (and is capitalised in English).</summary>
        public bool SentenceStart { get; private set; } = true;

        /// <summary>Copies whitespace; after . ! ? it opens a new sentence.</summary>
        public void AppendSpace(string space)
        {
            _output.Append(space);
            SentenceStart |= _afterTerminal;
            _hyphenAt = -1;
        }

        /// <summary>
        /// Records a sentence boundary before <paramref name="token"/> when it starts one: after . ! ? and
        /// whitespace, at a capital, a digit or an opening quote.
        /// </summary>
        /// <returns>Whether a sentence starts here.</returns>
        public bool MarkSentenceBoundary(Token token, string source, bool isFirstToken)
        {
            if (!SentenceStart || !_afterTerminal || isFirstToken || !StartsSentence(token, source))
            {
                return false;
            }

            _sourceStarts.Add(token.Start);
            _targetStarts.Add(_output.Length);
            return true;
        }

        /// <summary>Copies a punctuation mark, noting whether it ends a sentence and whether it is a compound's hyphen.</summary>
        public void AppendPunctuation(string source, bool wordFollows)
        {
            _afterTerminal = source is "." or "!" or "?" || (_afterTerminal && source is "’" or "”" or "\"" or "'" or ")" or "»");
            _hyphenAt = source == "-" && _previousTranslated && wordFollows ? _output.Length : -1;
            _output.Append(source);
            _articleAt = -1;
            if (source != "-")
            {
                _previousTranslated = false;
            }
        }

        /// <summary>Moves on to a word, a number or a glossary term; it keeps a pending sentence start only when it may start one.</summary>
        public void EnterWord(bool mayStartSentence)
        {
            _afterTerminal = false;
            SentenceStart = SentenceStart && mayStartSentence;
        }

        /// <summary>
        /// Writes <paramref name="rendering"/>: counts its words, opens a hyphenated compound, turns a preceding
        /// "a" into "an", and capitalises it at a sentence start.
        /// </summary>
        public void AppendRendering(Rendering rendering, bool isWord, bool boundary)
        {
            var english = rendering.English;
            _words += rendering.Words;
            _translatedWords += rendering.Translated ? rendering.Words : 0;

            // Dutch hyphenates compounds English writes open: Navo-agressie → NATO aggression.
            if (_hyphenAt >= 0 && rendering.Translated)
            {
                _output[_hyphenAt] = ' ';
            }

            // een → a, an before a vowel sound (roughly: a written vowel, not "one", "uni", "eu").
            if (_articleAt >= 0 && !boundary && StartsWithVowelSound(english))
            {
                _output.Insert(_articleAt + 1, 'n');
            }

            _articleAt = !rendering.Translated || !isWord ? -1
                : english is "a" or "A" ? _output.Length
                : english.EndsWith(" a", StringComparison.Ordinal) ? _output.Length + english.Length - 1
                : -1;
            _output.Append(SentenceStart ? Capitalise(english) : english);
            SentenceStart = false;
            _previousTranslated = rendering.Translated;
            _hyphenAt = -1;
        }

        /// <summary>The finished gloss, with the sentence lengths of both sides.</summary>
        public Gloss ToGloss() => new(
            _output.ToString(),
            Lengths(_sourceStarts, sourceLength),
            Lengths(_targetStarts, _output.Length),
            _words,
            _translatedWords);
    }
}
