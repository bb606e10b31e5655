using System.Diagnostics;
using Bilingual.Core.Segmentation;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Segmentation;

public sealed class RuleBasedSentenceSegmenterTests : SentenceSegmenterContractTests
{
    private static readonly RuleBasedSentenceSegmenter Segmenter = new(Options.Create(new SegmentationOptions()));

    protected override ISentenceSegmenter CreateSegmenter() => Segmenter;

    [Theory]
    [InlineData("U.S. before a name", "I work for the U.S. Government in Virginia.")]
    [InlineData("Mr. before a name", "Yesterday Mr. Smith resigned.")]
    [InlineData("No. before a number", "He lives at No. 5 Downing Street.")]
    [InlineData("e.g. before a capital", "Some countries, e.g. Finland, joined.")]
    [InlineData("i.e. before a lower-case word", "The alliance, i.e. the members, agreed.")]
    [InlineData("a.m. before a lower-case word", "The talks began at 9 a.m. on Friday.")]
    [InlineData("v. in a court case", "The ruling in Roe v. Wade was overturned.")]
    [InlineData("Inc. before a lower-case word", "Apple Inc. reported record sales.")]
    [InlineData("et al. before a year", "As Smith et al. (2020) showed, it works.")]
    [InlineData("Jan. in a date", "The treaty took effect on Jan. 1, 2024.")]
    public void Split_EnglishNewsTrap_KeepsOneSentence(string trap, string text) =>
        Assert.True(Segmenter.Split(text, "en").Count == 1, trap);

    [Theory]
    [InlineData("U.S. before a sentence opener", "He lived in the U.S. The move was hard.", 2)]
    [InlineData("No as a word", "He said no. The talks ended.", 2)]
    [InlineData("Inc. before a sentence opener", "The company is Apple Inc. It makes phones.", 2)]
    [InlineData("p.m. before a title", "The meeting ended at 6 P.M. Mr. Jones left.", 2)]
    [InlineData("short opening phrase before a title", "At 5 a.m. Mr. Jones left.", 1)]
    public void Split_EnglishAbbreviationAtSentenceEnd_BreaksOnlyWhereTheNextSentenceOpens(string trap, string text, int count) =>
        Assert.True(Segmenter.Split(text, "en").Count == count, trap);

    [Theory]
    [InlineData("de", "Das ist gut. Wir gehen jetzt.", new[] { "Das ist gut.", "Wir gehen jetzt." })]
    [InlineData("fr", "Il pleut. Nous restons à la maison !", new[] { "Il pleut.", "Nous restons à la maison !" })]
    [InlineData("ja", "今日は晴れです。明日は雨です。", new[] { "今日は晴れです。", "明日は雨です。" })]
    [InlineData("ar", "هل أنت هنا؟ نعم.", new[] { "هل أنت هنا؟", "نعم." })]
    [InlineData("de", "Es gibt ca. 300 Teilnehmer.", new[] { "Es gibt ca. 300 Teilnehmer." })]
    public void Split_OtherLanguage_UsesTheSharedRules(string language, string text, string[] expected) =>
        Assert.Equal(expected, Segmenter.Split(text, language).Select(s => s.Text));

    [Theory]
    [InlineData("nl-BE")]
    [InlineData("NL")]
    [InlineData("nl_NL")]
    public void Split_RegionalDutchTag_UsesTheDutchRules(string language) =>
        Assert.Single(Segmenter.Split("Er kwamen o.a. Rutte en Kaag.", language));

    [Theory]
    [InlineData("ordinary sentences", "Dit is een zin. ")]
    [InlineData("full stops without spaces", "a.")]
    [InlineData("spaced dots", ". ")]
    [InlineData("ambiguous abbreviations", "U.S. Government ")]
    [InlineData("initials", "J. Jansen ")]
    [InlineData("closing quotes", "”’)")]
    [InlineData("question marks before openers", "? ((")]
    [InlineData("numbered items", "1. ")]
    public void Split_OneMegabyteAdversarialParagraph_FinishesInLinearTime(string pattern, string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, (1 << 20) / unit.Length));
        Segmenter.Split(text[..1000], "en");
        var clock = Stopwatch.StartNew();

        var segments = Segmenter.Split(text, "en");

        // Release builds split these in well under a second (see SegmentationBenchmark); a quadratic pass
        // over 1 MB takes minutes, so this bound still catches one on a busy machine running Debug builds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{pattern}: {clock.Elapsed.TotalMilliseconds} ms for {segments.Count} segments");
    }
}
