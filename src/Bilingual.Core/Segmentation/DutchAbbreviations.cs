namespace Bilingual.Core.Segmentation;

/// <summary>
/// The Dutch abbreviations the segmenter knows, by category, written without their final full stop.
/// <see cref="DutchSentenceRules"/> sorts them by what their full stop means (never a boundary, none
/// before a number, a boundary before a capital, a boundary only where a sentence plainly starts).
/// </summary>
/// <remarks>
/// <para>Sources. The abbreviations are facts about the language; these are the lists they were taken from:</para>
/// <list type="bullet">
/// <item>The OpenTaal word list 2.20.19 (Stichting OpenTaal; BSD licence, revised, or CC BY 3.0, at the
/// user's choice; its lemmas carry the Dutch Language Union's Keurmerk Spelling): every entry that ends in
/// a full stop, less multi-word entries (<c>aanw. vnw.</c>, <c>et al.</c>, <c>Martin Luther King Jr.</c>),
/// single letters (initials are a rule of their own), initials of names (<c>J.R.R.</c>) and compass points.</item>
/// <item>Onze Taal, "Afkortingen dagen en maanden": weekdays and months, with and without their long forms
/// (<c>woe.</c>, <c>febr.</c>, <c>sept.</c>); the Woordenlijst lists none of them.</item>
/// <item>LanguageTool's Dutch segmentation rules (<c>segment.srx</c>, LGPL-2.1): titles and a few
/// abbreviations the word list lacks (<c>mej.</c>, <c>secr.</c>, <c>penn.</c>, <c>afl.</c>), the units,
/// and the sentence-final <c>prof.</c> after an article.</item>
/// <item>The Belgian Defence's rank abbreviations (as listed by krijgsmacht.nl): <c>gen.</c>,
/// <c>lt.-gen.</c>, <c>kol.</c>, <c>kapt.</c>, <c>sgt.</c>, <c>kpl.</c>, <c>sdt.</c> (the Dutch forces write
/// theirs in capitals without full stops).</item>
/// </list>
/// <para>Abbreviations that are also ordinary words (<c>zo</c>, <c>ma</c>, <c>al</c>, <c>bijl</c> 'axe',
/// <c>gen</c> 'gene') are either left out (<c>al</c>, <c>dal</c>, <c>ver</c>, which LanguageTool lists) or
/// given a context: weekdays count only before a date, nouns not after an article.</para>
/// </remarks>
internal static class DutchAbbreviations
{
    /// <summary>Titles and forms of address before a name (OpenTaal, LanguageTool): never a boundary.</summary>
    public static readonly string[] Titles =
    [
        "dhr", "hr", "mevr", "mw", "mej", "mr", "dr", "dra", "drs", "prof", "ir", "ing", "bc", "lic", "ds",
        "mgr", "jhr", "jkvr", "st", "gebr", "fa", "fam", "wnd", "plv", "secr", "penn", "zr", "br", "burg",
        "Kon", "O.L.V",
    ];

    /// <summary>Royal styles (OpenTaal): <c>Z.K.H. Prins Constantijn</c>, but also the end of a sentence.</summary>
    public static readonly string[] RoyalStyles = ["Z.K.H", "H.M", "H.K.H"];

    /// <summary>Military ranks before a name (Belgian Defence, LanguageTool): never a boundary.</summary>
    public static readonly string[] Ranks =
    [
        "gen", "lt", "kol", "maj", "kpt", "kapt", "cdt", "sgt", "kpl", "sdt", "adm", "adj", "olt", "bgen",
        "lt.-gen", "gen.-maj", "lt.-kol", "bde.-gen", "kapt.-cdt", "adj.-maj",
    ];

    /// <summary>
    /// Titles and ranks that are also nouns: <c>het gen</c> 'the gene', <c>een kol</c> 'a witch',
    /// <c>een prof</c> 'a professional' (LanguageTool breaks after <c>een prof.</c>). After
    /// <see cref="Determiners"/> the full stop is a noun's.
    /// </summary>
    public static readonly string[] Nouns = ["gen", "kol", "prof"];

    /// <summary>Words that stand before a noun, never before a title.</summary>
    public static readonly string[] Determiners =
    [
        "een", "één", "het", "dat", "dit", "elk", "elke", "ieder", "iedere", "welk", "geen", "zo'n", "zo’n",
    ];

    /// <summary>
    /// Weekdays (Onze Taal). <c>zo</c>, <c>ma</c>, <c>do</c>, <c>vrij</c> and <c>zat</c> are words too, so a
    /// weekday counts only before a date or a time (<c>za. 12 okt.</c>, <c>vr. 9.00 uur</c>).
    /// </summary>
    public static readonly string[] Weekdays = ["ma", "di", "wo", "woe", "do", "vr", "vrij", "za", "zat", "zo"];

    /// <summary>
    /// Months (Onze Taal, OpenTaal). <c>mei</c> has no abbreviation. No boundary before a number
    /// (<c>1 jan. 2024</c>); before a capital <c>Jan.</c> is more often a name that ends a sentence.
    /// </summary>
    public static readonly string[] Months =
        ["jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"];

    /// <summary>The months written out, which with <see cref="Months"/> make a date after a weekday.</summary>
    public static readonly string[] MonthNames =
    [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ];

    /// <summary>References before a number (OpenTaal, LanguageTool): <c>blz. 12</c>, <c>gem. 5 graden</c>.</summary>
    public static readonly string[] References =
    [
        "nrs", "blz", "pag", "hfst", "hfdst", "afb", "bijl", "afl", "dl", "jg", "jrg", "tel", "lid", "par",
        "gem", "min", "max", "sec",
    ];

    /// <summary>
    /// Units and amounts after a number (OpenTaal, LanguageTool): inside a sentence before a lower-case word
    /// (<c>3 mln. euro</c>), a boundary before a capital (<c>12 km. De file</c>).
    /// </summary>
    public static readonly string[] Units =
        ["mln", "mld", "mrd", "pct", "km", "cm", "mm", "kg", "mg", "ml", "kW", "h"];

    /// <summary>
    /// Company forms (OpenTaal, Dutch and Belgian law, and the English ones of foreign companies): after a
    /// capitalised name (<c>Nedap bv.</c>, <c>Apple Inc.</c>) they may end a sentence; elsewhere
    /// <c>bv.</c> is <c>bijvoorbeeld</c> and <c>cv.</c> a curriculum vitae.
    /// </summary>
    public static readonly string[] CompanyForms =
        ["bv", "b.v", "B.V", "nv", "n.v", "N.V", "vof", "v.o.f", "V.O.F", "cv", "C.V", "bvba", "cvba", "vzw", "inc", "ltd", "corp"];

    /// <summary>The dotted company forms: a boundary only where a sentence plainly starts.</summary>
    public static readonly string[] DottedCompanyForms = ["b.v", "B.V", "n.v", "N.V", "v.o.f", "V.O.F", "C.V"];

    /// <summary>Legal references (Staatsblad, Staatscourant, rechtsoverweging) before a number.</summary>
    public static readonly string[] LegalReferences = ["Stb", "Stcrt", "Stct", "r.o"];

    /// <summary>Legal abbreviations inside a sentence: <c>art. 5 jo. art. 6</c>, <c>o.g.v.</c></summary>
    public static readonly string[] LegalInside = ["jo", "o.g.v"];

    /// <summary>The codes of law (<c>W.v.Sr.</c>), which may end a sentence.</summary>
    public static readonly string[] LegalCodes = ["W.v.Sr", "W.v.Str", "W.v.Sv", "W.v.K"];

    /// <summary>Latin inside a sentence (OpenTaal): <c>c.q.</c>, <c>i.e.</c>, <c>q.q.</c>, <c>N.B.</c></summary>
    public static readonly string[] LatinInside = ["c.q", "e.g", "i.e", "i.c", "q.q", "m.m", "viz", "N.B", "P.S"];

    /// <summary>Latin that closes what it stands in (OpenTaal): <c>q.e.d.</c>, <c>p.m.</c> 'pro memorie'.</summary>
    public static readonly string[] LatinFinal = ["q.e.d", "R.I.P", "p.m"];

    /// <summary>Latin after a year or a function (<c>753 v.Chr.</c>, <c>burgemeester a.i.</c>): either.</summary>
    public static readonly string[] LatinAmbiguous = ["v.Chr", "n.Chr", "A.D", "D.V", "a.i", "s.j"];

    /// <summary>Dutch abbreviations that stand inside a sentence (OpenTaal, LanguageTool): never a boundary.</summary>
    public static readonly string[] Inside =
    [
        "o.a", "bijv", "bv", "d.w.z", "dwz", "m.b.t", "mbt", "i.p.v", "ipv", "i.v.m", "ivm", "t.a.v", "tav",
        "n.a.v", "nav", "m.u.v", "t.o.v", "tov", "o.i.v", "i.o.m", "m.m.v", "a.d.h.v", "t.b.v", "o.l.v",
        "m.a.w", "m.i", "z.g", "zgn", "resp", "evt", "ong", "plm", "incl", "excl", "vgl", "d.i", "i.h.a",
        "i.h.b", "t.w", "vlg", "a.g.v", "a.h.w", "b.g.g", "d.d", "dd", "d.m.v", "i.c.m", "i.i.g", "i.m", "i.o",
        "i.o.v", "i.s.m", "i.t.t", "m.b.v", "m.i.v", "m.n", "o.b.v", "o.i", "o.m", "o.v.v", "p.a", "p.p",
        "r.-k", "t.e.m", "t.g.v", "t.h.t", "t.h.v", "t.n.v", "t.w.v", "v.h", "v.l.n.r", "v.r.n.l", "v.w.b",
        "v.d", "vnl", "w.o", "w.g", "z.i", "afd", "afz", "arr", "geb", "get", "div", "verg", "voorz", "Ned",
        "nl",
        // Word classes, as dictionaries write them.
        "aanw", "vnw", "vz", "bnw", "bw", "bez", "zn", "ww", "lidw", "telw", "mv", "ev", "afk",
    ];

    /// <summary>Dutch abbreviations that close what they stand in (OpenTaal): a boundary before a capital.</summary>
    public static readonly string[] Final =
    [
        "enz", "e.d", "e.a", "e.o", "e.e.a", "e.v.a", "jl", "a.s", "a.u.b", "ajb", "s.v.p", "z.s.m", "z.o.z",
        "t.z.t", "b.v.d", "n.v.t", "n.o.t.k", "o.i.d", "w.v.t.t.k", "k.k", "v.v", "red",
    ];

    /// <summary>Dutch abbreviations after a name or a number that may or may not end a sentence (OpenTaal).</summary>
    public static readonly string[] Ambiguous = ["V.S", "e.v", "c.s", "jr", "sr"];
}
