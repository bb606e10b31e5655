using System.Collections.Frozen;

namespace Bilingual.Core.Lexicon;

/// <summary>
/// Carries a Dutch inflection onto an English equivalent, crudely: regular English spelling rules plus
/// the common irregular verbs, nouns and adjectives. Multi-word equivalents inflect their head word
/// (the last for nouns and adjectives, the first for verbs: <c>give up</c> → <c>gave up</c>).
/// </summary>
internal static class EnglishInflector
{
    private static readonly FrozenDictionary<string, (string Past, string Participle)> IrregularVerbs = BuildVerbs();

    private static readonly FrozenDictionary<string, string> IrregularPlurals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["man"] = "men", ["woman"] = "women", ["child"] = "children", ["person"] = "people", ["foot"] = "feet",
        ["tooth"] = "teeth", ["mouse"] = "mice", ["crisis"] = "crises", ["analysis"] = "analyses", ["thesis"] = "theses",
        ["basis"] = "bases", ["life"] = "lives", ["wife"] = "wives", ["knife"] = "knives", ["leaf"] = "leaves",
        ["half"] = "halves", ["wolf"] = "wolves", ["thief"] = "thieves", ["phenomenon"] = "phenomena", ["criterion"] = "criteria",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Mass nouns and nouns whose plural is the singular.
    private static readonly FrozenSet<string> Uncountable = FrozenSet.ToFrozenSet(
        ["news", "information", "sheep", "fish", "series", "species", "aircraft", "equipment", "advice", "evidence", "research", "police", "people", "energy", "money"],
        StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string Comparative, string Superlative)> IrregularAdjectives =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["good"] = ("better", "best"), ["well"] = ("better", "best"), ["bad"] = ("worse", "worst"),
            ["much"] = ("more", "most"), ["many"] = ("more", "most"), ["little"] = ("less", "least"),
            ["far"] = ("further", "furthest"), ["old"] = ("older", "oldest"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Inflects <paramref name="equivalent"/> as <paramref name="inflection"/> asks; unchanged when English marks nothing.</summary>
    public static string Inflect(string equivalent, Inflection inflection)
    {
        ArgumentNullException.ThrowIfNull(equivalent);
        if (equivalent.Length == 0)
        {
            return equivalent;
        }

        return inflection switch
        {
            Inflection.Plural or Inflection.DiminutivePlural => OnLastWord(equivalent, Pluralise),
            Inflection.Past => OnFirstWord(equivalent, w => Past(w).Past),
            Inflection.Participle => OnFirstWord(equivalent, w => Past(w).Participle),
            Inflection.Present => OnFirstWord(equivalent, ThirdPerson),
            Inflection.PresentParticiple => OnFirstWord(equivalent, Gerund),
            Inflection.Comparative => Compare(equivalent, comparative: true),
            Inflection.Superlative => Compare(equivalent, comparative: false),
            _ => equivalent,
        };
    }

    /// <summary>The plural of an English noun: <c>weapon</c> → <c>weapons</c>, <c>country</c> → <c>countries</c>.</summary>
    public static string Pluralise(string noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        if (IrregularPlurals.TryGetValue(noun, out var plural))
        {
            return plural;
        }

        if (Uncountable.Contains(noun) || noun.Length < 2 || !char.IsLetter(noun[^1]))
        {
            return noun;
        }

        if (noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal))
        {
            return noun + "es";
        }

        return noun.EndsWith('y') && !IsVowel(noun[^2]) ? noun[..^1] + "ies" : noun + "s";
    }

    /// <summary>The past tense and past participle of an English verb: <c>help</c> → <c>helped</c>, <c>see</c> → <c>saw</c>, <c>seen</c>.</summary>
    public static (string Past, string Participle) Past(string verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        if (IrregularVerbs.TryGetValue(verb, out var forms))
        {
            return forms;
        }

        if (verb.Length < 2 || !char.IsLetter(verb[^1]))
        {
            return (verb, verb);
        }

        string past;
        if (verb.EndsWith('e'))
        {
            past = verb + "d";
        }
        else if (verb.EndsWith('y') && !IsVowel(verb[^2]))
        {
            past = verb[..^1] + "ied";
        }
        else if (IsShortClosedSyllable(verb))
        {
            past = verb + verb[^1] + "ed";
        }
        else
        {
            past = verb + "ed";
        }

        return (past, past);
    }

    /// <summary>The third person singular present: <c>go</c> → <c>goes</c>, <c>have</c> → <c>has</c>.</summary>
    public static string ThirdPerson(string verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        return verb switch
        {
            "be" => "is",
            "have" => "has",
            "do" or "go" => verb + "es",
            "can" or "must" or "may" or "will" or "shall" or "should" or "would" or "could" => verb,
            _ when verb.Length < 2 || !char.IsLetter(verb[^1]) => verb,
            _ when verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith("ch", StringComparison.Ordinal) || verb.EndsWith("sh", StringComparison.Ordinal) => verb + "es",
            _ when verb.EndsWith('y') && !IsVowel(verb[^2]) => verb[..^1] + "ies",
            _ => verb + "s",
        };
    }

    /// <summary>The -ing form: <c>come</c> → <c>coming</c>, <c>stop</c> → <c>stopping</c>, <c>see</c> → <c>seeing</c>.</summary>
    public static string Gerund(string verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        if (verb.Length < 2 || !char.IsLetter(verb[^1]))
        {
            return verb;
        }

        if (verb.EndsWith("ie", StringComparison.Ordinal))
        {
            return verb[..^2] + "ying";
        }

        if (verb.EndsWith('e') && !verb.EndsWith("ee", StringComparison.Ordinal) && !verb.EndsWith("ye", StringComparison.Ordinal) && !verb.EndsWith("oe", StringComparison.Ordinal))
        {
            return verb[..^1] + "ing";
        }

        return IsShortClosedSyllable(verb) ? verb + verb[^1] + "ing" : verb + "ing";
    }

    private static string Compare(string adjective, bool comparative)
    {
        if (adjective.Contains(' ', StringComparison.Ordinal))
        {
            return (comparative ? "more " : "most ") + adjective;
        }

        if (IrregularAdjectives.TryGetValue(adjective, out var forms))
        {
            return comparative ? forms.Comparative : forms.Superlative;
        }

        var suffix = comparative ? "er" : "est";
        if (adjective.EndsWith('y') && adjective.Length <= 6 && adjective.Length > 2 && !IsVowel(adjective[^2]))
        {
            return adjective[..^1] + "i" + suffix;
        }

        if (adjective.Length > 6 || adjective.EndsWith("ed", StringComparison.Ordinal) || adjective.EndsWith("ful", StringComparison.Ordinal))
        {
            return (comparative ? "more " : "most ") + adjective;
        }

        if (adjective.EndsWith('e'))
        {
            return adjective + suffix[1..];
        }

        return IsShortClosedSyllable(adjective) ? adjective + adjective[^1] + suffix : adjective + suffix;
    }

    private static string OnLastWord(string phrase, Func<string, string> inflect)
    {
        var space = phrase.LastIndexOf(' ');
        return space < 0 ? inflect(phrase) : phrase[..(space + 1)] + inflect(phrase[(space + 1)..]);
    }

    private static string OnFirstWord(string phrase, Func<string, string> inflect)
    {
        var space = phrase.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? inflect(phrase) : inflect(phrase[..space]) + phrase[space..];
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // One vowel between consonants at the end of a short word doubles its consonant: stop → stopped, big → bigger.
    private static bool IsShortClosedSyllable(string word) =>
        word.Length is >= 3 and <= 4 && !IsVowel(word[^1]) && word[^1] is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3])
        && word.Count(IsVowel) == 1;

    private static FrozenDictionary<string, (string, string)> BuildVerbs()
    {
        // base, past, participle: the irregular verbs news text uses.
        const string Forms =
            "be was been|have had had|do did done|go went gone|come came come|see saw seen|give gave given|take took taken|" +
            "make made made|say said said|get got got|know knew known|think thought thought|bring brought brought|find found found|" +
            "keep kept kept|hold held held|stand stood stood|lie lay lain|speak spoke spoken|write wrote written|choose chose chosen|" +
            "fall fell fallen|begin began begun|win won won|meet met met|leave left left|let let let|put put put|set set set|cut cut cut|" +
            "become became become|run ran run|drive drove driven|mean meant meant|pay paid paid|send sent sent|build built built|" +
            "buy bought bought|fight fought fought|teach taught taught|catch caught caught|sell sold sold|tell told told|feel felt felt|" +
            "lose lost lost|lead led led|read read read|hear heard heard|break broke broken|show showed shown|grow grew grown|" +
            "draw drew drawn|throw threw thrown|fly flew flown|eat ate eaten|rise rose risen|shoot shot shot|strike struck struck|" +
            "seek sought sought|spend spent spent|sit sat sat|hit hit hit|hurt hurt hurt|cost cost cost|shut shut shut|spread spread spread|" +
            "withdraw withdrew withdrawn|understand understood understood|forget forgot forgotten|hang hung hung|bear bore borne|" +
            "wear wore worn|tear tore torn|sink sank sunk|freeze froze frozen|hide hid hidden|ride rode ridden|steal stole stolen|" +
            "bind bound bound|dig dug dug|stick stuck stuck|deal dealt dealt|forbid forbade forbidden|arise arose arisen|" +
            "can could could|will would would|shall should should|may might might|must must must|overcome overcame overcome|" +
            "undertake undertook undertaken|light lit lit|sleep slept slept|swear swore sworn|weep wept wept|wake woke woken|beat beat beaten|rise rose risen";
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var verb in Forms.Split('|'))
        {
            var parts = verb.Split(' ');
            table[parts[0]] = (parts[1], parts[2]);
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
