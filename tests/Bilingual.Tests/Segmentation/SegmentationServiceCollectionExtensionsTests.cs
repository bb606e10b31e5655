using Bilingual.Core.Segmentation;
using Bilingual.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Segmentation;

public sealed class SegmentationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSegmentation_NoSrxPath_ResolvesTheBuiltInRules()
    {
        using var services = Build([]);

        Assert.IsType<RuleBasedSentenceSegmenter>(services.GetRequiredService<ISentenceSegmenter>());
        Assert.Same(services.GetRequiredService<ISentenceSegmenter>(), services.GetRequiredService<ISentenceSegmenter>());
    }

    [SkippableFact]
    public void AddSegmentation_SrxPath_ResolvesTheSrxRules()
    {
        var srx = TestPaths.RequireShared("data", "segmentation", "okapi-defaultSegmentation.srx");
        using var services = Build(new() { ["Segmentation:SrxPath"] = srx });

        Assert.IsType<SrxSentenceSegmenter>(services.GetRequiredService<ISentenceSegmenter>());
    }

    [Fact]
    public void AddSegmentation_MissingSrxFile_FailsValidationNamingTheFile()
    {
        using var services = Build(new() { ["Segmentation:SrxPath"] = "/nonexistent/rules.srx" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ISentenceSegmenter>());

        Assert.Contains("/nonexistent/rules.srx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSegmentation_AbbreviationWithSpace_FailsValidation()
    {
        using var services = Build(new() { ["Segmentation:Abbreviations:nl:0"] = "o. a." });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SegmentationOptions>>().Value);
    }

    [Fact]
    public void AddSegmentation_ConfiguredAbbreviation_KeepsTheSentenceWhole()
    {
        const string text = "Hij woont in gem. Utrecht en werkt in Zeist.";
        using var plain = Build([]);
        using var configured = Build(new() { ["Segmentation:Abbreviations:nl:0"] = "gem." });

        Assert.Equal(2, plain.GetRequiredService<ISentenceSegmenter>().Split(text, "nl").Count);
        Assert.Single(configured.GetRequiredService<ISentenceSegmenter>().Split(text, "nl"));
    }

    [Fact]
    public void AddSegmentation_ConfiguredAbbreviation_StillEndsBeforeASentenceOpener()
    {
        using var configured = Build(new() { ["Segmentation:Abbreviations:nl:0"] = "gem" });

        var segments = configured.GetRequiredService<ISentenceSegmenter>().Split("Hij is lid van de raad van die gem. De raad vergadert vandaag.", "nl");

        Assert.Equal(2, segments.Count);
    }

    [Fact]
    public void AddSegmentation_ConfiguredPrefixAbbreviation_NeverEndsASentence()
    {
        using var configured = Build(new() { ["Segmentation:PrefixAbbreviations:nl:0"] = "Kon" });

        var segments = configured.GetRequiredService<ISentenceSegmenter>().Split("Het concert van het Kon. Concertgebouworkest was uitverkocht.", "nl");

        Assert.Single(segments);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSegmentation().BuildServiceProvider();
    }
}
