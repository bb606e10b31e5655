using Bilingual.Core.Documents;
using Bilingual.Core.Review;
using Bilingual.Core.Translation;
using Bilingual.Core.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Review;

public sealed class ReviewServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddReview().AddWriting().BuildServiceProvider();
    }

    [Fact]
    public void AddWriting_RegistersTheReviewPageKeyedHtmlAndPlain()
    {
        using var services = Build();

        var keyed = services.GetRequiredKeyedService<IDocumentWriter>(WriterKeys.ReviewPage);
        var plain = services.GetServices<IDocumentWriter>();

        Assert.IsType<ReviewPageWriter>(keyed);
        Assert.Same(keyed, plain.Last());
    }

    [Fact]
    public void AddReview_DatabaseDefaultsToTheCachePath()
    {
        using var services = Build(("Cache:Path", "memory/tm.db"));

        Assert.Equal("memory/tm.db", services.GetRequiredService<IOptions<ReviewOptions>>().Value.DatabasePath);
        Assert.IsType<SqliteReviewStore>(services.GetRequiredService<IReviewStore>());
        Assert.IsType<ReviewApplier>(services.GetRequiredService<IReviewApplier>());
    }

    [Fact]
    public void AddReview_NothingConfigured_UsesTheDefaultMemoryFile()
    {
        using var services = Build();

        Assert.Equal(ReviewOptions.DefaultDatabasePath, services.GetRequiredService<IOptions<ReviewOptions>>().Value.DatabasePath);
    }

    [Fact]
    public void AddReview_ReviewSectionWins()
    {
        using var services = Build(("Cache:Path", "memory/tm.db"), ("Review:DatabasePath", "review.db"));

        Assert.Equal("review.db", services.GetRequiredService<IOptions<ReviewOptions>>().Value.DatabasePath);
    }

    [Fact]
    public void AddReview_BandsInverted_FailsValidation()
    {
        using var services = Build(("Review:LowConfidence", "0.9"), ("Review:HighConfidence", "0.5"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ReviewOptions>>().Value);
        Assert.Contains("LowConfidence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReview_ChecksUseTheTranslationGlossary()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Translation:Glossary:Poetin", "Putin")]).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddReview();
        collection.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.SectionName);
        using var services = collection.BuildServiceProvider();

        var flags = services.GetRequiredService<IQualityChecker>().Check("Poetin sprak.", "Poetin spoke.");

        Assert.Contains(flags, f => f.Kind == QualityFlagKind.Glossary);
    }
}
