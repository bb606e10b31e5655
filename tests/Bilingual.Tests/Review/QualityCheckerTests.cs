using Bilingual.Core.Documents;
using Bilingual.Core.Review;

namespace Bilingual.Tests.Review;

public sealed class QualityCheckerTests
{
    private static readonly Dictionary<string, string> Glossary = new(StringComparer.Ordinal)
    {
        ["Poetin"] = "Putin",
        ["Poetins"] = "Putin's",
        ["Navo"] = "NATO",
    };

    private readonly QualityChecker _checker = new(Glossary, new ReviewOptions());

    private List<QualityFlagKind> Kinds(string source, string target) => _checker.Check(source, target).Select(f => f.Kind).ToList();

    [Fact]
    public void Check_FaithfulTranslation_FindsNothing()
    {
        var flags = _checker.Check(
            "Volgens een verdrag uit 1996 vormen hun beide landen al een unie, aldus Poetin.",
            "Under a 1996 treaty, the two countries already form a union, according to Putin.");

        Assert.Empty(flags);
    }

    [Fact]
    public void Check_YearChanged_FlagsNumberOnBothSides()
    {
        const string source = "Volgens een verdrag uit 1996 vormen hun beide landen al een unie.";
        const string target = "Under a 1995 treaty, the two countries already form a union.";

        var flag = Assert.Single(_checker.Check(source, target));

        Assert.Equal(QualityFlagKind.Number, flag.Kind);
        Assert.Equal("1996", source.Substring(flag.SourceSpans[0].Start, flag.SourceSpans[0].Length));
        Assert.Equal("1995", target.Substring(flag.TargetSpans[0].Start, flag.TargetSpans[0].Length));
        Assert.Contains("1996 not in the target", flag.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Poetin verwacht dat het op 1 juli zover is.", "Putin expects it to happen by 1 July.")]
    [InlineData("De inflatie was 3,5 procent.", "Inflation was 3.5 percent.")]
    [InlineData("Het kost 1.000 euro.", "It costs 1,000 euros.")]
    [InlineData("Het kost 2.500.000 euro.", "It costs 2,500,000 euros.")]
    [InlineData("Een soort Sovjet-Unie 2.0 dus.", "A kind of Soviet Union 2.0, then.")]
    [InlineData("Op 3 maart en 12 mei.", "On 12 May and 3 March.")]
    public void Check_SameNumbersWrittenDifferently_FindsNoNumberFlag(string source, string target)
    {
        Assert.DoesNotContain(QualityFlagKind.Number, Kinds(source, target));
    }

    [Theory]
    [InlineData("Poetin verwacht dat het op 1 juli zover is.", "Putin expects it to happen by 1 June.")]
    [InlineData("De inflatie was 3,5 procent.", "Inflation was 35 percent.")]
    [InlineData("Het kost 1.000 euro.", "It costs 100 euros.")]
    [InlineData("Twee zinnen zonder getal.", "Two sentences, 2 of them.")]
    public void Check_DifferentNumbers_FlagsNumber(string source, string target)
    {
        Assert.Contains(QualityFlagKind.Number, Kinds(source, target));
    }

    [Fact]
    public void Check_ModalMay_IsNotAMonth()
    {
        Assert.DoesNotContain(QualityFlagKind.Number, Kinds("Dat mag hij zelf beslissen.", "He may decide that himself."));
    }

    [Fact]
    public void Check_GlossaryTermNotRendered_FlagsGlossaryAtTheSourceTerm()
    {
        const string source = "De Russische president Poetin sprak over de Navo.";
        const string target = "The Russian president Poetin spoke about NATO.";

        var flag = Assert.Single(_checker.Check(source, target));

        Assert.Equal(QualityFlagKind.Glossary, flag.Kind);
        Assert.Contains("Putin", flag.Message, StringComparison.Ordinal);
        Assert.Equal("Poetin", source.Substring(flag.SourceSpans[0].Start, flag.SourceSpans[0].Length));
        Assert.Equal("Poetin", target.Substring(flag.TargetSpans[0].Start, flag.TargetSpans[0].Length));
    }

    [Fact]
    public void Check_GlossaryTermInsideLongerWord_IsWholeWordOnly()
    {
        // "Poetins" is its own entry; "Poetin" must not match inside it.
        var kinds = Kinds("Poetins bezoek aan Minsk was kort.", "Putin's visit to Minsk was short.");

        Assert.Empty(kinds);
    }

    [Fact]
    public void Check_IdenticalText_FlagsUntranslated()
    {
        Assert.Contains(QualityFlagKind.Untranslated, Kinds("Zelf op de rode knop drukken kan hij niet.", "Zelf op de rode knop drukken kan hij niet."));
    }

    [Fact]
    public void Check_MostlyDutchWordsKept_FlagsUntranslated()
    {
        var flags = _checker.Check(
            "Symbolische betekenis hebben ze des te meer: de kernwapens bevestigen de vazalstatus.",
            "Symbolische significance hebben they des te meer: the kernwapens bevestigen the vazalstatus.");

        Assert.Contains(flags, f => f.Kind == QualityFlagKind.Untranslated && f.TargetSpans.Count >= 4);
    }

    [Fact]
    public void Check_IdenticalShortName_IsNotFlagged()
    {
        Assert.Empty(Kinds("Kremlin", "Kremlin"));
    }

    [Fact]
    public void Check_ClosingQuoteDropped_FlagsQuotesInTarget()
    {
        const string target = "\"We will not hesitate to defend our countries.";

        var flag = Assert.Single(_checker.Check("“We zullen niet aarzelen om onze landen te verdedigen.”", target), f => f.Kind == QualityFlagKind.Quotes);

        Assert.Contains("target", flag.Message, StringComparison.Ordinal);
        Assert.Equal(0, flag.TargetSpans[0].Start);
    }

    [Fact]
    public void Check_ApostrophesAndSingleQuotes_AreBalanced()
    {
        Assert.Empty(Kinds(
            "Zo’n signaal aan de ‘schoften buiten onze grenzen’, zei hij.",
            "Such a signal to the 'scoundrels beyond our borders', Putin's friend said."));
    }

    [Fact]
    public void Check_BracketLost_FlagsBrackets()
    {
        Assert.Contains(QualityFlagKind.Brackets, Kinds("Moskou heeft (West-)Europa opgegeven.", "Moscow has given up on (Western Europe."));
    }

    [Fact]
    public void Check_QuestionBecomesStatement_FlagsPunctuation()
    {
        var flag = Assert.Single(_checker.Check("Wie drukt op de rode knop?", "Who presses the red button."));

        Assert.Equal(QualityFlagKind.Punctuation, flag.Kind);
        Assert.Contains("“?”", flag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PunctuationInsideClosingQuote_IsComparedPastTheQuote()
    {
        Assert.DoesNotContain(QualityFlagKind.Punctuation, Kinds("“We zullen niet aarzelen.”", "\"We will not hesitate.\""));
    }

    [Fact]
    public void Check_TargetFarShorter_FlagsLength()
    {
        Assert.Contains(QualityFlagKind.Length, Kinds(
            "Belarus werd uitvalsbasis voor de Russische invasiemacht die richting Kiev optrok.",
            "Belarus was used."));
    }

    [Fact]
    public void Check_ShortSource_IsNotLengthChecked()
    {
        Assert.DoesNotContain(QualityFlagKind.Length, Kinds("Kernwapens", "Nuclear weapons of the Russian Federation"));
    }

    [Theory]
    [InlineData("", "An added sentence.")]
    [InlineData("Een weggelaten zin.", "  ")]
    public void Check_OneSideEmpty_FlagsOnlyEmpty(string source, string target)
    {
        Assert.Equal([QualityFlagKind.Empty], Kinds(source, target));
    }

    [Fact]
    public void Check_BothSidesEmpty_FindsNothing()
    {
        Assert.Empty(Kinds("", ""));
    }
}
