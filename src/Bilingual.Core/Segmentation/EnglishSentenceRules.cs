namespace Bilingual.Core.Segmentation;

/// <summary>
/// English sentence-boundary rules for news text: titles (<c>Mr.</c>), postpositive abbreviations
/// (<c>Jr.</c>, <c>Inc.</c>), dotted acronyms and times (<c>U.S.</c>, <c>a.m.</c>).
/// </summary>
internal sealed class EnglishSentenceRules : SentenceRules
{
    /// <summary>The one instance.</summary>
    public static EnglishSentenceRules Instance { get; } = new();

    private EnglishSentenceRules()
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
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "rev", "hon", "st", "mt", "ft", "gen", "lt",
        "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen", "rep", "gov", "pres", "supt",
        "insp", "det", "fr",
        // Abbreviations that stand inside a sentence ("Roe v. Wade").
        "v", "e.g", "i.e", "viz", "approx", "c", "incl", "excl", "esp", "resp",
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> NumberAbbreviations =>
    [
        .. base.NumberAbbreviations,
        "nos", "vols", "ch", "chap", "figs", "sec", "para", "pt", "op", "ext", "tel",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> AmbiguousAbbreviations =>
    [
        .. base.AmbiguousAbbreviations,
        "co", "corp", "inc", "ltd", "bros", "jr", "sr", "esq", "al", "dept", "univ", "assn", "ave",
        "blvd", "rd", "a.m", "p.m", "A.M", "P.M", "U.S", "U.K", "U.N", "E.U", "U.S.A", "D.C", "L.A", "N.Y",
        "Ph.D", "M.D", "B.A", "M.A", "B.Sc", "M.Sc",
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> SentenceOpeners =>
    [
        "A", "After", "All", "Also", "An", "And", "As", "At", "Before", "Being", "But", "By", "Did", "Do",
        "During", "Each", "For", "From", "He", "Her", "His", "How", "However", "I", "If", "In", "It", "Its",
        "Many", "Meanwhile", "Millions", "More", "Most", "My", "Not", "Now", "On", "One", "Only", "Our",
        "She", "Since", "So", "Some", "That", "The", "Their", "Then", "There", "These", "They", "This",
        "Those", "Thus", "To", "Under", "We", "What", "When", "Where", "Which", "While", "Who", "Why",
        "With", "Yet", "You",
    ];
}
