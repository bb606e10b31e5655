using Bilingual.Core.Translation;
using Bilingual.Core.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Review;

/// <summary>Registers the review workflow: quality checks, the corrections store, and the review page writer.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReviewOptions"/> (section <c>Review</c>, database defaulting to <c>Cache:Path</c>),
    /// the <see cref="IQualityChecker"/>, the SQLite <see cref="IReviewStore"/> and the
    /// <see cref="IReviewApplier"/> the pipeline calls after alignment.
    /// </summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        AddChecks(services);
        services.TryAddSingleton<IReviewStore, SqliteReviewStore>();
        services.TryAddSingleton<IReviewApplier, ReviewApplier>();
        return services;
    }

    /// <summary>
    /// Adds the side-by-side review page writer (<c>&lt;Name&gt;.html</c>) as the <see cref="IDocumentWriter"/>
    /// keyed <c>html</c> and as one of the plain <see cref="IDocumentWriter"/>s every document is written with.
    /// Calling it twice registers nothing more.
    /// </summary>
    public static IServiceCollection AddReviewPage(this IServiceCollection services)
    {
        AddChecks(services);
        if (services.Any(d => d.ServiceType == typeof(IDocumentWriter) && d.IsKeyedService && Equals(d.ServiceKey, "html")))
        {
            return services;
        }

        services.AddKeyedSingleton<IDocumentWriter, ReviewPageWriter>("html");
        services.AddSingleton<IDocumentWriter>(sp => sp.GetRequiredKeyedService<IDocumentWriter>("html"));
        return services;
    }

    private static void AddChecks(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IQualityChecker)))
        {
            return;
        }

        services.AddOptions<ReviewOptions>()
            .BindConfiguration(ReviewOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.DatabasePath ??= configuration[ReviewOptions.CachePathKey] ?? ReviewOptions.DefaultDatabasePath)
            .ValidateWith<ReviewOptions, ReviewOptionsValidator>()
            .Validate(o => o.LowConfidence <= o.HighConfidence, "Review:LowConfidence must not exceed Review:HighConfidence.")
            .Validate(o => o.MinLengthRatio <= o.MaxLengthRatio, "Review:MinLengthRatio must not exceed Review:MaxLengthRatio.")
            .ValidateOnStart();
        services.AddSingleton<IQualityChecker>(sp => new QualityChecker(
            sp.GetService<IOptions<TranslationOptions>>()?.Value.Glossary ?? [],
            sp.GetRequiredService<IOptions<ReviewOptions>>().Value));
    }
}
