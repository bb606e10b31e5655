namespace Bilingual.Core.Segmentation;

/// <summary>
/// Dutch sentence-boundary rules for news text: the abbreviations of Dutch newspapers (Onze Taal's and
/// the Woordenlijst's spelling, e.g. <c>o.a.</c>, <c>d.w.z.</c>, <c>jl.</c>) and sentences that open
/// with an elided article (<c>’s Avonds</c>, <c>’t Is</c>).
/// </summary>
internal sealed class DutchSentenceRules : SentenceRules
{
    /// <summary>The one instance.</summary>
    public static DutchSentenceRules Instance { get; } = new();

    private DutchSentenceRules()
    {
    }

    /// <inheritdoc />
    /// <remarks>Latin-script terminators only: a short set keeps the search for them vectorised.</remarks>
    public override string SentenceEnd => ".!?…";

    /// <inheritdoc />
    public override IReadOnlyCollection<string> PrefixAbbreviations =>
    [
        .. base.PrefixAbbreviations,
        // Titles and ranks before a name.
        "dhr", "hr", "mevr", "mw", "mr", "dr", "drs", "prof", "ir", "ing", "ds", "mgr", "st", "gebr", "fa",
        "gen", "lt", "kol", "maj", "kpt", "sgt", "adm", "burg", "wnd", "zr", "br",
        // Abbreviations that stand inside a sentence.
        "o.a", "bijv", "bv", "d.w.z", "dwz", "m.b.t", "mbt", "i.p.v", "ipv", "i.v.m", "ivm", "t.a.v", "tav",
        "n.a.v", "nav", "m.u.v", "t.o.v", "tov", "o.i.v", "i.o.m", "m.m.v", "a.d.h.v", "t.b.v", "o.l.v",
        "m.a.w", "m.i", "z.g", "zgn", "resp", "evt", "ong", "incl", "excl", "vgl", "aanw", "vnw", "vz",
        "bnw", "zn", "ww", "lidw", "telw", "mv", "ev", "afk", "d.i", "i.h.a", "i.h.b", "t.w", "vlg",
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> NumberAbbreviations =>
    [
        .. base.NumberAbbreviations,
        "nrs", "blz", "pag", "hfst", "afb", "jg", "tel", "min", "max", "sec", "lid", "par",
        // Months: "1 jan. 2023". Before a capital "Jan." is more often a name that ends a sentence.
        "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> FinalAbbreviations =>
        [.. base.FinalAbbreviations, "enz", "e.d", "e.a", "jl", "a.s", "a.u.b", "s.v.p", "z.s.m", "mln", "mld", "mrd"];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> AmbiguousAbbreviations =>
    [
        .. base.AmbiguousAbbreviations,
        "N.V", "B.V", "V.S", "e.v", "c.s", "v.Chr", "n.Chr", "jr", "sr", "Z.K.H", "H.M", "H.K.H",
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> SentenceOpeners =>
    [
        "De", "Het", "Een", "Dat", "Die", "Dit", "Deze", "Hij", "Zij", "Ze", "Wij", "We", "Ik", "Jij", "Je",
        "U", "Men", "Er", "Hier", "Daar", "Toen", "Nu", "Maar", "En", "Ook", "Want", "Dus", "Toch", "Zo",
        "In", "Op", "Met", "Volgens", "Als", "Bij", "Na", "Voor", "Om", "Wat", "Wie", "Waar", "Waarom",
        "Hoe", "Wanneer", "Welke", "Niet", "Geen", "Alle", "Veel", "Zijn", "Haar", "Hun", "Ons", "Onze",
        "Mijn", "Daarna", "Daarom", "Daarmee", "Intussen", "Inmiddels", "Ondertussen", "Verder",
        "Bovendien", "Eerder", "Later", "Sinds", "Tijdens", "Uit", "Aan", "Tegen", "Over", "Door", "Van",
        "Naar", "Of", "Wel", "Dan", "Pas", "Al", "Vorige", "Vandaag", "Gisteren", "Morgen", "Zelf",
    ];

    /// <inheritdoc />
    public override bool StartsWithElidedWord(ReadOnlySpan<char> rest) =>
        rest.Length >= 3
        && rest[0] is '\'' or '’'
        && rest[1] is 's' or 't' or 'k' or 'n'
        && (char.IsWhiteSpace(rest[2]) || rest[2] == '-');
}
