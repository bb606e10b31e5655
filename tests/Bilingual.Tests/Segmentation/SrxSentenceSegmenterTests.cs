using Bilingual.Core.Segmentation;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Segmentation;

public sealed class SrxSentenceSegmenterTests : SentenceSegmenterContractTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly Dictionary<string, SrxSentenceSegmenter> Loaded = [];

    private const string SmallSrx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
          <header segmentsubflows="yes" cascade="CASCADE"/>
          <body>
            <languagerules>
              <languagerule languagerulename="Dutch">
                <rule break="no"><beforebreak>\b(?:o\.a|bijv|mr)\.</beforebreak><afterbreak>\s</afterbreak></rule>
              </languagerule>
              <languagerule languagerulename="Default">
                <rule break="no"><beforebreak>\b\p{Lu}\.</beforebreak><afterbreak>\s</afterbreak></rule>
                <rule><beforebreak>[.!?]+['"’”]*+</beforebreak><afterbreak>\s+\p{Lu}</afterbreak></rule>
                <rule break="yes"><beforebreak></beforebreak><afterbreak>\n</afterbreak></rule>
              </languagerule>
            </languagerules>
            <maprules>
              <languagemap languagepattern="(nl|NL).*" languagerulename="Dutch"/>
              <languagemap languagepattern=".*" languagerulename="Default"/>
            </maprules>
          </body>
        </srx>
        """;

    protected override ISentenceSegmenter CreateSegmenter() => Small(cascade: true);

    [Fact]
    public void Split_CascadedRules_NoBreakRuleOfTheLanguageWins()
    {
        var segmenter = Small(cascade: true);

        var sentences = Texts(segmenter.Split("Er waren o.a. Rutte en mr. Jansen. Daarna ging J. Smit naar huis! Klaar.", "nl-NL"));

        Assert.Equal(["Er waren o.a. Rutte en mr. Jansen.", "Daarna ging J. Smit naar huis!", "Klaar."], sentences);
    }

    [Fact]
    public void Split_WithoutCascade_OnlyTheFirstMatchingMapApplies()
    {
        var segmenter = Small(cascade: false);

        Assert.Equal(["Dutch"], segmenter.LanguageRulesFor("nl"));
        Assert.Single(segmenter.Split("Dit is een zin. Dit is er nog een.", "nl"));
        Assert.Equal(2, segmenter.Split("Dit is een zin. Dit is er nog een.", "en").Count);
    }

    [Theory]
    [InlineData("nL_be")]
    [InlineData("NL-BE")]
    public void LanguageRulesFor_TagInAnyCaseOrWithUnderscore_MatchesThePatternInBcp47Case(string tag)
    {
        Assert.Equal(["Dutch"], Small(cascade: false).LanguageRulesFor(tag));
    }

    [Fact]
    public void LanguageRulesFor_Cascade_ListsEveryMatchingMapInOrder()
    {
        var segmenter = Small(cascade: true);

        Assert.Equal(["Dutch", "Default"], segmenter.LanguageRulesFor("nl"));
        Assert.Equal(["Default"], segmenter.LanguageRulesFor("en-GB"));
    }

    [Fact]
    public void Split_BreakWithEmptyBeforebreak_BreaksAtTheLineBreakAndKeepsOffsets()
    {
        var segmenter = Small(cascade: true);
        const string text = "kop zonder punt\nnog een regel";

        var segments = segmenter.Split(text, "en");

        Assert.Equal(["kop zonder punt", "nog een regel"], Texts(segments));
        Assert.All(segments, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Split_OverlappingNoBreakContexts_KeepsEveryInitial()
    {
        const string srx = """
            <srx><header cascade="no"/><body><languagerules><languagerule languagerulename="All">
            <rule break="no"><beforebreak>\s\p{Lu}\.\s</beforebreak><afterbreak></afterbreak></rule>
            <rule><beforebreak>\.\s</beforebreak><afterbreak></afterbreak></rule>
            </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="All"/></maprules></body></srx>
            """;
        var segmenter = new SrxSentenceSegmenter(SrxDocument.Parse(new StringReader(srx), "initials.srx"), Timeout);

        var sentences = Texts(segmenter.Split("Het boek van J. R. R. Tolkien verscheen. Het werd een succes.", "nl"));

        Assert.Equal(["Het boek van J. R. R. Tolkien verscheen.", "Het werd een succes."], sentences);
    }

    [Fact]
    public void Split_WhitespaceOnly_ReturnsNoSegments() =>
        Assert.Empty(Small(cascade: true).Split(" \n\t ", "en"));

    [Fact]
    public void Constructor_UnsupportedJavaConstruct_NamesFileRuleAndPattern()
    {
        var srx = SmallSrx.Replace("CASCADE", "yes", StringComparison.Ordinal)
            .Replace(@"\b\p{Lu}\.", @"\X\.", StringComparison.Ordinal);

        var error = Assert.Throws<SrxRulesException>(() => new SrxSentenceSegmenter(SrxDocument.Parse(new StringReader(srx), "bad.srx"), Timeout));

        Assert.Contains("bad.srx", error.Message, StringComparison.Ordinal);
        Assert.Contains("language rule 'Default' rule 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(@"\X\.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PatternDotNetRejects_NamesFileRuleAndPattern()
    {
        var srx = SmallSrx.Replace("CASCADE", "yes", StringComparison.Ordinal)
            .Replace(@"[.!?]+", @"[.!?+", StringComparison.Ordinal);

        var error = Assert.Throws<SrxRulesException>(() => new SrxSentenceSegmenter(SrxDocument.Parse(new StringReader(srx), "broken.srx"), Timeout));

        Assert.Contains("broken.srx", error.Message, StringComparison.Ordinal);
        Assert.Contains("rule 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotXml_NamesTheFile()
    {
        var error = Assert.Throws<SrxRulesException>(() => SrxDocument.Parse(new StringReader("<srx><header"), "rules.srx"));

        Assert.StartsWith("rules.srx: not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MapToUndefinedRule_NamesTheRule()
    {
        const string srx = """<srx><header cascade="no"/><body><languagerules/><maprules><languagemap languagepattern=".*" languagerulename="Nope"/></maprules></body></srx>""";

        var error = Assert.Throws<SrxRulesException>(() => SrxDocument.Parse(new StringReader(srx), "rules.srx"));

        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var error = Assert.Throws<SrxRulesException>(() => SrxSentenceSegmenter.Load("/nonexistent/rules.srx", Timeout));

        Assert.Contains("/nonexistent/rules.srx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_CatastrophicPattern_TimesOutNamingTheRule()
    {
        const string srx = """
            <srx><header cascade="no"/><body><languagerules><languagerule languagerulename="Slow">
            <rule><beforebreak>(a+)+b</beforebreak><afterbreak></afterbreak></rule>
            </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="Slow"/></maprules></body></srx>
            """;
        var segmenter = new SrxSentenceSegmenter(SrxDocument.Parse(new StringReader(srx), "slow.srx"), TimeSpan.FromMilliseconds(50));

        var error = Assert.Throws<SrxRulesException>(() => segmenter.Split(new string('a', 5000) + "!", "en"));

        Assert.Contains("slow.srx", error.Message, StringComparison.Ordinal);
        Assert.Contains("(a+)+b", error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("okapi-defaultSegmentation.srx")]
    [InlineData("languagetool-segment.srx")]
    public void Load_RealRulesFile_CompilesEveryRule(string file)
    {
        var segmenter = Real(file);

        Assert.NotEmpty(segmenter.LanguageRulesFor("nl"));
        Assert.NotEmpty(segmenter.LanguageRulesFor("en"));
    }

    [SkippableTheory]
    [InlineData("okapi-defaultSegmentation.srx", "en", "Is Dr. Watson from there too? Yes: both are. I'm all for it! But you are not.", new[] { "Is Dr. Watson from there too?", "Yes: both are.", "I'm all for it!", "But you are not." })]
    [InlineData("okapi-defaultSegmentation.srx", "nl", "Er kwamen o.a. 300 mensen. Volgens dr. Jansen was het rustig.", new[] { "Er kwamen o.a. 300 mensen.", "Volgens dr. Jansen was het rustig." })]
    [InlineData("languagetool-segment.srx", "en", "Hello World. My name is Jonas. What is your name?", new[] { "Hello World.", "My name is Jonas.", "What is your name?" })]
    [InlineData("languagetool-segment.srx", "nl", "Er kwamen o.a. 300 mensen. Volgens dr. Jansen was het rustig.", new[] { "Er kwamen o.a. 300 mensen.", "Volgens dr. Jansen was het rustig." })]
    public void Split_RealRulesFile_SegmentsNewsText(string file, string language, string text, string[] expected)
    {
        var segmenter = Real(file);

        var segments = segmenter.Split(text, language);

        Assert.Equal(expected, Texts(segments));
        Assert.All(segments, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [SkippableFact]
    public void DecidingRule_OkapiDutchRules_KeepAlAsAnAbbreviationAsTheFileSays()
    {
        var segmenter = Real("okapi-defaultSegmentation.srx");
        const string text = "Zo’n verbond bestaat al. Dat is de Euraziatische Unie.";

        var rule = segmenter.DecidingRule(text, "nl", text.IndexOf(" Dat", StringComparison.Ordinal));

        Assert.NotNull(rule);
        Assert.False(rule.Break);
        Assert.Equal("Dutch", rule.LanguageRule);
        Assert.Contains("al|", rule.Before, StringComparison.Ordinal);
        Assert.Single(segmenter.Split(text, "nl"));
    }

    [SkippableFact]
    public void Split_LanguageToolRulesOnBelarusSource_ReproducesGoldSentencesExceptAfterAl()
    {
        var segmenter = Real("languagetool-segment.srx");
        var paragraphs = FixtureSegmentationTests.ReadParagraphs(TestPaths.Fixture("belarus-2023-04", "source.nl.sentences"));

        var differing = paragraphs.Where(sentences => !sentences.SequenceEqual(Texts(segmenter.Split(string.Join(' ', sentences), "nl")))).ToList();

        // LanguageTool's Dutch rules list "al." (algemeen) as an abbreviation, so "bestaat al. Dat" stays whole.
        var only = Assert.Single(differing);
        Assert.Equal("Zo’n verbond bestaat al.", only[0]);
    }

    // Loading compiles a few thousand patterns; each real file is loaded once for the class.
    private static SrxSentenceSegmenter Real(string file)
    {
        var path = TestPaths.RequireShared("data", "segmentation", file);
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(path, out var segmenter))
            {
                segmenter = SrxSentenceSegmenter.Load(path, Timeout);
                Loaded[path] = segmenter;
            }

            return segmenter;
        }
    }

    private static SrxSentenceSegmenter Small(bool cascade)
    {
        var srx = SmallSrx.Replace("CASCADE", cascade ? "yes" : "no", StringComparison.Ordinal);
        return new SrxSentenceSegmenter(SrxDocument.Parse(new StringReader(srx), "small.srx"), Timeout);
    }

    private static string[] Texts(IEnumerable<Bilingual.Core.Documents.Segment> segments) => segments.Select(s => s.Text).ToArray();
}
