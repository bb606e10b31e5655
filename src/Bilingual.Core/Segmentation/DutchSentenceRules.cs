namespace Bilingual.Core.Segmentation;

/// <summary>
/// Dutch sentence-boundary rules for news text: the abbreviations of <see cref="DutchAbbreviations"/>
/// (OpenTaal's word list, Onze Taal, LanguageTool), sorted by what their full stop means, and sentences
/// that open with an elided article (<c>’s Avonds</c>, <c>’t Is</c>).
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
        .. DutchAbbreviations.Titles,
        .. DutchAbbreviations.Ranks,
        .. DutchAbbreviations.Inside,
        .. DutchAbbreviations.LatinInside,
        .. DutchAbbreviations.LegalInside,
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> NumberAbbreviations =>
    [
        .. base.NumberAbbreviations,
        .. DutchAbbreviations.References,
        .. DutchAbbreviations.Months,
        .. DutchAbbreviations.LegalReferences,
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> FinalAbbreviations =>
    [
        .. base.FinalAbbreviations,
        .. DutchAbbreviations.Final,
        .. DutchAbbreviations.Units,
        .. DutchAbbreviations.LatinFinal,
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> AmbiguousAbbreviations =>
    [
        .. base.AmbiguousAbbreviations,
        .. DutchAbbreviations.Ambiguous,
        .. DutchAbbreviations.RoyalStyles,
        .. DutchAbbreviations.DottedCompanyForms,
        .. DutchAbbreviations.LatinAmbiguous,
        .. DutchAbbreviations.LegalCodes,
    ];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> DateAbbreviations => DutchAbbreviations.Weekdays;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> MonthNames => [.. DutchAbbreviations.MonthNames, .. DutchAbbreviations.Months];

    /// <inheritdoc />
    public override IReadOnlyCollection<string> CompanyForms => DutchAbbreviations.CompanyForms;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> NounAbbreviations => DutchAbbreviations.Nouns;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> Determiners => DutchAbbreviations.Determiners;

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
