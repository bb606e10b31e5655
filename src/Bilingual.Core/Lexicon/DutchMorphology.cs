using System.Collections.Frozen;

namespace Bilingual.Core.Lexicon;

/// <summary>What an inflectional ending marked, as far as a gloss can carry it into English.</summary>
internal enum Inflection
{
    /// <summary>The lemma itself, or an ending English does not mark (adjective -e, infinitive -en).</summary>
    None,

    /// <summary>A plural noun: <c>wapens</c>, <c>landen</c>, <c>auto's</c>.</summary>
    Plural,

    /// <summary>A diminutive: <c>huisje</c>.</summary>
    Diminutive,

    /// <summary>A plural diminutive: <c>huisjes</c>.</summary>
    DiminutivePlural,

    /// <summary>Second or third person singular present: <c>werkt</c>.</summary>
    Present,

    /// <summary>Past tense: <c>werkte</c>, <c>kwam</c>.</summary>
    Past,

    /// <summary>Past participle: <c>gewerkt</c>, <c>gezien</c>.</summary>
    Participle,

    /// <summary>Present participle: <c>komend</c>, <c>komende</c>.</summary>
    PresentParticiple,

    /// <summary>Comparative: <c>groter</c>.</summary>
    Comparative,

    /// <summary>Superlative: <c>grootste</c>.</summary>
    Superlative,
}

/// <summary>A candidate reading of a word form: the lemma to look up and what the ending marked.</summary>
/// <param name="Lemma">The dictionary form to try, lower case.</param>
/// <param name="Inflection">What the stripped ending meant.</param>
internal readonly record struct Analysis(string Lemma, Inflection Inflection);

/// <summary>
/// Dutch inflection undone by rule, without a lexicon: every plausible lemma of a form, most likely
/// first, for the dictionary to confirm. Spelling rules after the ANS (Algemene Nederlandse
/// Spraakkunst, §2.2 and §2.3): open-syllable vowel undoubling (<c>jaar</c>/<c>jaren</c>), consonant
/// doubling after a short vowel (<c>bed</c>/<c>bedden</c>), and the v/f and z/s alternation
/// (<c>brief</c>/<c>brieven</c>, <c>huis</c>/<c>huizen</c>).
/// </summary>
internal static class DutchMorphology
{
    // Separable particles (ANS §2.5.3): "opgesteld" is op + gesteld, "optrok" is op + trok.
    private static readonly string[] Particles =
        ["terug", "samen", "voort", "tegen", "neer", "mee", "door", "over", "voor", "weg", "toe", "aan", "uit", "los", "vast", "bij", "af", "op", "in", "na", "om"];

    // Unstressed verb prefixes take no ge- in the participle: "bevestigd", "verloren".
    private static readonly string[] UnstressedPrefixes = ["be", "ge", "her", "er", "ont", "ver"];

    // Strong and irregular verbs: forms no rule recovers, with their infinitive.
    private static readonly FrozenDictionary<string, Analysis> Irregular = BuildIrregular();

    /// <summary>Every candidate reading of <paramref name="form"/> (lower case), most likely first; the form itself is not included.</summary>
    public static IReadOnlyList<Analysis> Analyse(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var results = new List<Analysis>();
        AddIrregular(form, results);

        AddRegular(form, results);
        foreach (var particle in Particles)
        {
            if (form.Length > particle.Length + 3 && form.StartsWith(particle, StringComparison.Ordinal))
            {
                var rest = form[particle.Length..];
                var inner = new List<Analysis>();
                AddIrregular(rest, inner);
                AddRegular(rest, inner);
                results.AddRange(inner.Select(a => a with { Lemma = particle + a.Lemma }));
            }
        }

        return results.Distinct().Where(a => a.Lemma.Length >= 2 && a.Lemma != form).ToList();
    }

    /// <summary>The reading of a strong or irregular verb form (<c>gezien</c> → <c>zien</c>, participle), if it is one.</summary>
    public static Analysis? IrregularForm(string form) => Irregular.TryGetValue(form, out var analysis) ? analysis : null;

    /// <summary>
    /// True when <paramref name="form"/> looks like a past participle: ge-…-d/-t/-en, optionally after a
    /// separable particle (opgesteld, vastgelopen), or a known strong participle.
    /// </summary>
    public static bool LooksLikeParticiple(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Irregular.TryGetValue(form, out var analysis) && analysis.Inflection == Inflection.Participle)
        {
            return true;
        }

        var rest = Particles.FirstOrDefault(p => form.StartsWith(p + "ge", StringComparison.Ordinal)) is { } particle ? form[particle.Length..] : form;
        return rest.Length > 5 && rest.StartsWith("ge", StringComparison.Ordinal)
            && (rest[^1] is 'd' or 't' || rest.EndsWith("en", StringComparison.Ordinal));
    }

    /// <summary>The infinitives a verb stem may belong to: <c>maak</c> → <c>maken</c>, <c>leg</c> → <c>leggen</c>, <c>geef</c> → <c>geven</c>.</summary>
    public static IEnumerable<string> InfinitivesOfStem(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (stem.Length < 2)
        {
            yield break;
        }

        yield return stem + "en";
        var voiced = Voice(stem);
        if (EndsInLongVowelPlusConsonant(stem))
        {
            yield return voiced[..^3] + voiced[^2..] + "en";
        }

        if (voiced != stem)
        {
            yield return voiced + "en";
        }

        if (EndsInShortVowelPlusConsonant(stem))
        {
            yield return stem + stem[^1] + "en";
        }

        // "gaan", "staan", "doen", "zien": stem (ga, sta, doe, zie) plus -n, with the a doubled.
        if (stem.EndsWith("aa", StringComparison.Ordinal) || stem.EndsWith("oe", StringComparison.Ordinal) || stem.EndsWith("ie", StringComparison.Ordinal))
        {
            yield return stem + "n";
        }
        else if (stem.EndsWith('a'))
        {
            yield return stem + "an";
        }
    }

    /// <summary>The uninflected forms a stem left by removing <c>-en</c>, <c>-e</c>, <c>-er</c> or <c>-st</c> may have.</summary>
    public static IEnumerable<string> BasesOfStem(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (stem.Length < 2)
        {
            yield break;
        }

        // An open syllable spells a long vowel single, so that reading comes first: "grot(ere)" → "groot",
        // "jar(en)" → "jaar"; the short reading (weg/wegen) follows.
        var devoiced = Devoice(stem);
        if (stem.Length >= 3 && IsConsonant(devoiced[^1]) && devoiced[^2] is 'a' or 'e' or 'o' or 'u' && IsConsonant(devoiced[^3]))
        {
            yield return devoiced[..^1] + devoiced[^2] + devoiced[^1];
        }

        yield return stem;
        if (stem.Length >= 3 && stem[^1] == stem[^2] && IsConsonant(stem[^1]))
        {
            yield return stem[..^1];
        }

        if (devoiced != stem)
        {
            yield return devoiced;
        }
    }

    private static void AddRegular(string form, List<Analysis> results)
    {
        // Diminutives: -je, -tje, -pje, -etje (ANS §3.5), and their plural -jes.
        var diminutive = form.EndsWith("jes", StringComparison.Ordinal) ? form[..^1] : form;
        var diminutiveInflection = diminutive.Length < form.Length ? Inflection.DiminutivePlural : Inflection.Diminutive;
        if (diminutive.EndsWith("je", StringComparison.Ordinal) && diminutive.Length > 4)
        {
            // -etje first (balletje is bal, not ballet), then plain -je (dorpje), then -tje/-pje (autootje, boompje).
            if (diminutive.EndsWith("etje", StringComparison.Ordinal))
            {
                AddBases(diminutive[..^4], diminutiveInflection, results);
            }

            results.Add(new(diminutive[..^2], diminutiveInflection));
            if (diminutive.EndsWith("tje", StringComparison.Ordinal) || diminutive.EndsWith("pje", StringComparison.Ordinal))
            {
                results.Add(new(diminutive[..^3], diminutiveInflection));
            }
        }

        if (form.EndsWith("'s", StringComparison.Ordinal) || form.EndsWith("’s", StringComparison.Ordinal))
        {
            results.Add(new(form[..^2], Inflection.Plural));
        }

        // Present participles: infinitive + -d, inflected -de (komend, komende).
        foreach (var ending in (string[])["ende", "end"])
        {
            if (form.Length > ending.Length + 2 && form.EndsWith(ending, StringComparison.Ordinal))
            {
                AddStem(form[..^ending.Length], Inflection.PresentParticiple, results);
            }
        }

        // -te/-de: past tense first; a participle used as an adjective (vervalste, beoogde) reads the same in English.
        // -ten/-den wait until after the plural: maanden, staten, raketten are nouns more often than verbs.
        if (form.EndsWith("te", StringComparison.Ordinal) || form.EndsWith("de", StringComparison.Ordinal))
        {
            AddPast(form, results);
        }
        if (form.EndsWith('e') && form.Length > 3)
        {
            var stem = form[..^1];
            AddIrregular(stem, results);
            if (stem[^1] is 'd' or 't')
            {
                AddParticiple(stem, results);
            }

            AddBases(stem, Inflection.None, results);
        }

        // Superlatives: "grootste" is groot + -st + -e.
        foreach (var ending in (string[])["ste", "st"])
        {
            if (form.Length > ending.Length + 2 && form.EndsWith(ending, StringComparison.Ordinal))
            {
                AddBases(form[..^ending.Length], Inflection.Superlative, results);
            }
        }

        if (form.EndsWith("ën", StringComparison.Ordinal))
        {
            results.Add(new(form[..^2], Inflection.Plural));
            results.Add(new(form[..^2] + "e", Inflection.Plural));
        }

        if (form.EndsWith("eren", StringComparison.Ordinal) && form.Length > 5)
        {
            // "kinderen", "volkeren".
            results.Add(new(form[..^4], Inflection.Plural));
        }

        if (form.EndsWith("en", StringComparison.Ordinal) && form.Length > 4)
        {
            AddBases(form[..^2], Inflection.Plural, results);
        }

        if (form.EndsWith('s') && form.Length > 3 && !form.EndsWith("ss", StringComparison.Ordinal))
        {
            results.Add(new(form[..^1], Inflection.Plural));
        }

        foreach (var ending in (string[])["ere", "er"])
        {
            if (form.Length > ending.Length + 2 && form.EndsWith(ending, StringComparison.Ordinal))
            {
                AddBases(form[..^ending.Length], Inflection.Comparative, results);
                // "zwaarder", "verder": -der after r.
                if (form[..^ending.Length].EndsWith("rd", StringComparison.Ordinal))
                {
                    AddBases(form[..^(ending.Length + 1)], Inflection.Comparative, results);
                }
            }
        }

        AddVerbForms(form, results);
    }

    private static void AddVerbForms(string form, List<Analysis> results)
    {
        if (form[^1] == 'd')
        {
            AddParticiple(form, results);
        }

        AddPast(form, results);

        // Present: stem + -t; a -t form with an unstressed prefix may also be a participle (bestaat, bevestigt).
        if (form.EndsWith('t') && form.Length > 3)
        {
            AddStem(form[..^1], Inflection.Present, results);
            AddParticiple(form, results);
        }

        // Strong participles: ge-…-en.
        if (form.StartsWith("ge", StringComparison.Ordinal) && form.Length > 5 && form.EndsWith("en", StringComparison.Ordinal))
        {
            results.Add(new(form[2..], Inflection.Participle));
        }

        // A stem ending in t takes no second t: "verwacht" is the present of verwachten.
        AddStem(form, form.EndsWith('t') ? Inflection.Present : Inflection.None, results);
    }

    // Weak participles: ge-…-d/-t, or no ge- after an unstressed prefix (bevestigd, verloren).
    private static void AddParticiple(string form, List<Analysis> results)
    {
        if (form.Length <= 5 || form[^1] is not ('d' or 't'))
        {
            return;
        }

        if (form.StartsWith("ge", StringComparison.Ordinal))
        {
            AddStem(form[2..^1], Inflection.Participle, results);
        }

        if (UnstressedPrefixes.Any(p => form.StartsWith(p, StringComparison.Ordinal)))
        {
            AddStem(form[..^1], Inflection.Participle, results);
        }
    }

    // Past tense: -te/-ten after a voiceless stem ('t kofschip), -de/-den otherwise.
    private static void AddPast(string form, List<Analysis> results)
    {
        foreach (var ending in (string[])["ten", "den", "te", "de"])
        {
            if (form.Length > ending.Length + 2 && form.EndsWith(ending, StringComparison.Ordinal))
            {
                AddStem(form[..^ending.Length], Inflection.Past, results);
            }
        }
    }

    private static void AddIrregular(string form, List<Analysis> results)
    {
        if (Irregular.TryGetValue(form, out var analysis))
        {
            results.Add(analysis);
        }
    }

    private static void AddStem(string stem, Inflection inflection, List<Analysis> results)
    {
        foreach (var infinitive in InfinitivesOfStem(stem))
        {
            results.Add(new(infinitive, inflection));
        }
    }

    private static void AddBases(string stem, Inflection inflection, List<Analysis> results)
    {
        foreach (var lemma in BasesOfStem(stem))
        {
            results.Add(new(lemma, inflection));
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'é' or 'ë' or 'ï' or 'ö' or 'ü';

    private static bool IsConsonant(char c) => char.IsLetter(c) && !IsVowel(c);

    private static bool EndsInLongVowelPlusConsonant(string stem) =>
        stem.Length >= 3 && IsConsonant(stem[^1]) && stem[^2] == stem[^3] && stem[^2] is 'a' or 'e' or 'o' or 'u';

    private static bool EndsInShortVowelPlusConsonant(string stem) =>
        stem.Length >= 2 && IsConsonant(stem[^1]) && stem[^1] is not ('w' or 'j' or 'h' or 'x') && IsVowel(stem[^2])
        && (stem.Length == 2 || !IsVowel(stem[^3]));

    // Stems spell a final f/s where the infinitive has v/z: "geef" → "geven", "lees" → "lezen".
    private static string Voice(string stem) => stem[^1] switch
    {
        'f' => stem[..^1] + "v",
        's' when stem.Length > 2 && IsVowel(stem[^2]) => stem[..^1] + "z",
        _ => stem,
    };

    private static string Devoice(string stem) => stem[^1] switch
    {
        'v' => stem[..^1] + "f",
        'z' => stem[..^1] + "s",
        _ => stem,
    };

    private static FrozenDictionary<string, Analysis> BuildIrregular()
    {
        // infinitive: past singular, past plural, participle (ANS §2.3.3, the common strong and irregular verbs).
        string[][] verbs =
        [
            ["zijn", "was", "waren", "geweest"], ["worden", "werd", "werden", "geworden"], ["hebben", "had", "hadden", "gehad"],
            ["komen", "kwam", "kwamen", "gekomen"], ["gaan", "ging", "gingen", "gegaan"], ["zien", "zag", "zagen", "gezien"],
            ["geven", "gaf", "gaven", "gegeven"], ["blijven", "bleef", "bleven", "gebleven"], ["spreken", "sprak", "spraken", "gesproken"],
            ["kunnen", "kon", "konden", "gekund"], ["willen", "wilde", "wilden", "gewild"], ["moeten", "moest", "moesten", "gemoeten"],
            ["zullen", "zou", "zouden", "-"], ["laten", "liet", "lieten", "gelaten"], ["staan", "stond", "stonden", "gestaan"],
            ["liggen", "lag", "lagen", "gelegen"], ["houden", "hield", "hielden", "gehouden"], ["nemen", "nam", "namen", "genomen"],
            ["vinden", "vond", "vonden", "gevonden"], ["brengen", "bracht", "brachten", "gebracht"], ["denken", "dacht", "dachten", "gedacht"],
            ["zeggen", "zei", "zeiden", "gezegd"], ["drijven", "dreef", "dreven", "gedreven"], ["helpen", "hielp", "hielpen", "geholpen"],
            ["trekken", "trok", "trokken", "getrokken"], ["schrijven", "schreef", "schreven", "geschreven"], ["kiezen", "koos", "kozen", "gekozen"],
            ["vallen", "viel", "vielen", "gevallen"], ["weten", "wist", "wisten", "geweten"], ["mogen", "mocht", "mochten", "gemogen"],
            ["doen", "deed", "deden", "gedaan"], ["winnen", "won", "wonnen", "gewonnen"], ["beginnen", "begon", "begonnen", "begonnen"],
            ["bieden", "bood", "boden", "geboden"], ["sluiten", "sloot", "sloten", "gesloten"], ["roepen", "riep", "riepen", "geroepen"],
            ["lopen", "liep", "liepen", "gelopen"], ["zitten", "zat", "zaten", "gezeten"], ["vragen", "vroeg", "vroegen", "gevraagd"],
            ["krijgen", "kreeg", "kregen", "gekregen"], ["lijken", "leek", "leken", "geleken"], ["blijken", "bleek", "bleken", "gebleken"],
            ["verliezen", "verloor", "verloren", "verloren"], ["treffen", "trof", "troffen", "getroffen"], ["slaan", "sloeg", "sloegen", "geslagen"],
            ["dragen", "droeg", "droegen", "gedragen"], ["verschijnen", "verscheen", "verschenen", "verschenen"], ["schieten", "schoot", "schoten", "geschoten"],
            ["sterven", "stierf", "stierven", "gestorven"], ["vechten", "vocht", "vochten", "gevochten"], ["zoeken", "zocht", "zochten", "gezocht"],
            ["kopen", "kocht", "kochten", "gekocht"], ["verbieden", "verbood", "verboden", "verboden"], ["begrijpen", "begreep", "begrepen", "begrepen"],
            ["wijzen", "wees", "wezen", "gewezen"], ["stijgen", "steeg", "stegen", "gestegen"], ["grijpen", "greep", "grepen", "gegrepen"],
            ["lezen", "las", "lazen", "gelezen"], ["eten", "at", "aten", "gegeten"], ["zenden", "zond", "zonden", "gezonden"],
            ["binden", "bond", "bonden", "gebonden"], ["dwingen", "dwong", "dwongen", "gedwongen"], ["springen", "sprong", "sprongen", "gesprongen"],
            ["vliegen", "vloog", "vlogen", "gevlogen"], ["bedriegen", "bedroog", "bedrogen", "bedrogen"], ["wegen", "woog", "wogen", "gewogen"],
            ["heffen", "hief", "hieven", "geheven"], ["bezoeken", "bezocht", "bezochten", "bezocht"], ["besluiten", "besloot", "besloten", "besloten"],
            ["verkopen", "verkocht", "verkochten", "verkocht"], ["onderzoeken", "onderzocht", "onderzochten", "onderzocht"], ["verbergen", "verborg", "verborgen", "verborgen"],
        ];
        var table = new Dictionary<string, Analysis>(StringComparer.Ordinal);
        foreach (var verb in verbs)
        {
            // Where the plural past and the participle coincide (begonnen), the participle wins: news prefers the perfect.
            Add(verb[3], new(verb[0], Inflection.Participle));
            Add(verb[1], new(verb[0], Inflection.Past));
            Add(verb[2], new(verb[0], Inflection.Past));
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(string form, Analysis analysis)
        {
            if (form != "-")
            {
                table.TryAdd(form, analysis);
            }
        }
    }
}
