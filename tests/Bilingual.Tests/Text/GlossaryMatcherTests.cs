using Bilingual.Core.Text;

namespace Bilingual.Tests.Text;

public sealed class GlossaryMatcherTests
{
    private static readonly GlossaryMatcher Matcher = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Poetin"] = "Putin",
        ["Vladimir Poetin"] = "Vladimir Putin",
        ["Navo"] = "NATO",
        ["Oekraïne"] = "Ukraine",
        ["Kiev"] = "Kyiv",
        ["kernwapen"] = "nuclear weapon",
    });

    private static List<string> Found(string text) =>
        Matcher.Matches(text).Select(m => text.Substring(m.Start, m.Length)).ToList();

    [Fact]
    public void Matches_LongerTerm_WinsOverItsPartAndTheyDoNotOverlap()
    {
        var match = Assert.Single(Matcher.Matches("Vladimir Poetin sprak."));

        Assert.Equal(("Vladimir Poetin", "Vladimir Putin", 0, 15), (match.Term, match.Rendering, match.Start, match.Length));
    }

    [Fact]
    public void Matches_SeveralTerms_LeftToRight()
    {
        Assert.Equal(["Navo", "Poetin", "Oekraïne"], Found("De Navo waarschuwt Poetin: blijf uit Oekraïne."));
    }

    [Theory]
    [InlineData("Poetinisme is een ideologie.")]
    [InlineData("De Navoleiding vergadert.")]
    [InlineData("Anti_Poetin en Poetin2 zijn namen.")]
    [InlineData("Kievse straten")]
    public void Matches_TermInsideALongerWord_IsNotFound(string text)
    {
        Assert.Empty(Matcher.Matches(text));
    }

    [Theory]
    [InlineData("de NAVO en de navo")]
    [InlineData("Kernwapen of niet.")]
    [InlineData("poetin")]
    public void Matches_OtherCase_IsNotFound(string text)
    {
        Assert.Empty(Matcher.Matches(text));
    }

    [Theory]
    [InlineData("De Navo-top in Vilnius.", "Navo")]
    [InlineData("De anti-Navo-betoging.", "Navo")]
    [InlineData("(Poetin)", "Poetin")]
    [InlineData("„Poetin”, zei hij.", "Poetin")]
    [InlineData("‘Poetin’ zei hij.", "Poetin")]
    [InlineData("Oekraïne.", "Oekraïne")]
    public void Matches_HyphenQuoteOrBracket_EndsTheWord(string text, string expected)
    {
        Assert.Equal([expected], Found(text));
    }

    [Theory]
    [InlineData("Poetins plan", "Poetins", "Putin's")]
    [InlineData("Poetin's plan", "Poetin's", "Putin's")]
    [InlineData("Poetin’s plan", "Poetin’s", "Putin's")]
    [InlineData("de Navo's plannen", "Navo's", "NATO's")]
    [InlineData("Oekraïnes grens", "Oekraïnes", "Ukraine's")]
    [InlineData("Kievs burgemeester", "Kievs", "Kyiv's")]
    public void Matches_GenitiveOfAName_IsTheTermWithThePossessiveRendering(string text, string expected, string rendering)
    {
        var match = Assert.Single(Matcher.Matches(text));

        Assert.Equal(expected, text.Substring(match.Start, match.Length));
        Assert.True(match.Genitive);
        Assert.Equal(rendering, match.RequiredRendering);
    }

    [Theory]
    [InlineData("de kernwapens")]
    [InlineData("de kernwapen's")]
    [InlineData("Poetinss")]
    [InlineData("Poetin'sche")]
    public void Matches_EndingThatIsNoNamesGenitive_IsNotFound(string text)
    {
        Assert.Empty(Matcher.Matches(text));
    }

    [Fact]
    public void Matches_TermWithAnEntryForItsGenitive_TakesTheEntry()
    {
        var matcher = new GlossaryMatcher(new Dictionary<string, string> { ["Poetin"] = "Putin", ["Poetins"] = "Putin's own" });

        var match = Assert.Single(matcher.Matches("Poetins plan"));

        Assert.Equal(("Poetins", false, "Putin's own"), (match.Term, match.Genitive, match.RequiredRendering));
    }

    [Fact]
    public void Matches_ApostropheInsideAWord_IsNoTermBoundary()
    {
        var matcher = new GlossaryMatcher(new Dictionary<string, string> { ["zo"] = "so", ["n"] = "a" });

        Assert.Empty(matcher.Matches("zo’n plan, zo'n idee"));
    }

    [Fact]
    public void Constructor_EmptyTermOrRendering_IsIgnored()
    {
        var matcher = new GlossaryMatcher(new Dictionary<string, string> { [""] = "x", ["Navo"] = "" });

        Assert.True(matcher.IsEmpty);
        Assert.Empty(matcher.Matches("De Navo."));
    }

    [Fact]
    public void MatchAt_InsideAWord_FindsNothing()
    {
        Assert.Null(Matcher.MatchAt("ExPoetin", 2));
        Assert.Equal("Poetin", Matcher.MatchAt("Ex-Poetin", 3)?.Term);
    }

    [Theory]
    [InlineData("Putin's visit", "Putin", true)]
    [InlineData("NATO's plan", "NATO", true)]
    [InlineData("Putinism", "Putin", false)]
    [InlineData("the Putin-Lukashenko meeting", "Putin", true)]
    [InlineData("nuclear weapons", "nuclear weapon", false)]
    [InlineData("a nuclear weapon.", "nuclear weapon", true)]
    public void Contains_Rendering_WholeWordWithANamesGenitive(string text, string word, bool expected)
    {
        Assert.Equal(expected, GlossaryMatcher.Contains(text, word));
    }

    [Fact]
    public void Occurrences_EveryWholeWordOccurrence_WithItsSpan()
    {
        Assert.Equal([(0, 6), (12, 8), (32, 6)], GlossaryMatcher.Occurrences("Poetin zei: Poetin's Poetinisme Poetin", "Poetin"));
    }
}
