using Bilingual.Core.Alignment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Alignment;

public sealed class SentenceAlignerTests
{
    private static readonly SentenceAligner Aligner = new(Options.Create(new AlignmentOptions()));

    [Fact]
    public void Align_MachineTranslationOfEachSentence_IsOneToOneWithHighConfidence()
    {
        var input = new AlignmentInput(
            ["Geen buitenlandse leider heeft Poetin zo vaak gezien.", "Woensdag was hij weer in het Kremlin.", "Belarus werd uitvalsbasis voor de invasie."],
            ["No foreign leader has seen Putin so often.", "On Wednesday he was back in the Kremlin.", "Belarus became a base for the invasion."]);

        var beads = Aligner.Align(input);

        Assert.Equal(["[0]:[0]", "[1]:[1]", "[2]:[2]"], beads.Select(b => b.ToString()));
        Assert.All(beads, b => Assert.InRange(b.Confidence, 0.5, 1.0));
    }

    [Fact]
    public void Align_TargetSplitsASentence_FindsTheOneToTwoBead()
    {
        var input = new AlignmentInput(
            ["Under a 1996 treaty the two countries already form a union, but Lukashenko declined the single currency and the merger of parliaments.", "The uprising of 2020 drove him back to Putin."],
            ["Under a 1996 treaty, the two countries already form a union.", "Lukashenko, however, declined the single currency and the merger of parliaments.", "The 2020 uprising drove him back to Putin."],
            ["Under a 1996 treaty the two countries already form a union, but Lukashenko declined the single currency and the merger of parliaments.", "The uprising of 2020 drove him back to Putin."]);

        var beads = Aligner.Align(input);

        Assert.Equal(["[0]:[0, 1]", "[1]:[2]"], beads.Select(b => b.ToString()));
    }

    [Fact]
    public void Align_LooselyTranslatedSecondHalf_StaysInTheOneToTwoBead()
    {
        var source = new[]
        {
            "Geen buitenlandse leider heeft Poetin zo vaak gezien.",
            "De regering kondigde woensdag nieuwe sancties aan tegen Minsk, die volgens ministers de economie hard zullen raken.",
            "Belarus werd uitvalsbasis voor de invasie.",
        };
        var bridge = new[]
        {
            "No foreign leader has seen Putin so often.",
            "The government announced new sanctions against Minsk on Wednesday, which ministers say will hit the economy hard.",
            "Belarus became a base for the invasion.",
        };
        var input = new AlignmentInput(
            source,
            ["No foreign leader has seen Putin so often.", "On Wednesday the government announced new sanctions against Minsk.", "Officials expect a severe blow to business there.", "Belarus became a base for the invasion."],
            bridge);

        var beads = Aligner.Align(input);

        Assert.Equal(["[0]:[0]", "[1]:[1, 2]", "[2]:[3]"], beads.Select(b => b.ToString()));
    }

    [Fact]
    public void Align_AddedSentence_IsAZeroToOneBeadAndConfidenceVaries()
    {
        var input = new AlignmentInput(
            ["Russia will station nuclear weapons in Belarus, Putin said in March 2023.", "He expects it to happen by 1 July."],
            ["Russia will station nuclear weapons in Belarus, Putin said in March 2023.", "The Kremlin published the document on its website at midnight on Friday.", "He expects it to happen by 1 July."]);

        var beads = Aligner.Align(input);

        Assert.Contains(beads, b => b.ToString() == "[]:[1]");
        Assert.All(beads, b => Assert.InRange(b.Confidence, 0.0, 1.0));
        Assert.True(beads.Select(b => b.Confidence).Distinct().Count() > 1, "confidence should not be constant");
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(2, 0)]
    [InlineData(0, 0)]
    public void Align_EmptySide_CoversTheOtherSideWithSkips(int sources, int targets)
    {
        var input = new AlignmentInput(
            [.. Enumerable.Range(0, sources).Select(i => $"Source sentence {i}.")],
            [.. Enumerable.Range(0, targets).Select(i => $"Target sentence {i}.")]);

        var beads = Aligner.Align(input);

        Assert.Equal(Math.Max(sources, targets), beads.Count);
        Assert.Equal(sources, beads.Sum(b => b.Source.Count));
        Assert.Equal(targets, beads.Sum(b => b.Target.Count));
    }

    [Fact]
    public void Align_LongDocument_CoversEverySentenceOnceInOrder()
    {
        // Large enough for the coarse pass and the band.
        var random = new Random(7);
        var words = Enumerable.Range(0, 800).Select(k => $"w{k}").ToArray();
        var source = Enumerable.Range(0, 900).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(5, 20)).Select(_ => words[random.Next(words.Length)])) + ".").ToList();
        var target = source.Where((_, i) => i % 50 != 7).ToList();

        var beads = Aligner.Align(new AlignmentInput(source, target));

        Assert.Equal(Enumerable.Range(0, source.Count), beads.SelectMany(b => b.Source));
        Assert.Equal(Enumerable.Range(0, target.Count), beads.SelectMany(b => b.Target));
        Assert.True(beads.Count(b => b.Kind == "1-1") >= 870, $"{beads.Count(b => b.Kind == "1-1")} 1-1 beads");
    }

    [Fact]
    public void AddAlignment_ResolvesTheAlignerWithValidatedOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Alignment:MaxBeadSize"] = "3" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlignment().BuildServiceProvider();

        Assert.IsType<SentenceAligner>(provider.GetRequiredService<ISentenceAligner>());
        Assert.Equal(3, provider.GetRequiredService<IOptions<AlignmentOptions>>().Value.MaxBeadSize);
    }

    [Fact]
    public void AddAlignment_OutOfRangeOption_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Alignment:BandWidth"] = "0" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlignment().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AlignmentOptions>>().Value);
        Assert.Contains("BandWidth", error.Message, StringComparison.Ordinal);
    }
}
