using Bilingual.Core.Translation;
using Bilingual.Core.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Review;

/// <summary>Registers the review step: quality checks and the corrections store.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReviewOptions"/> (section <c>Review</c>, database defaulting to <c>Cache:Path</c>),
    /// the <see cref="IQualityChecker"/>, the SQLite <see cref="IReviewStore"/> and the
    /// <see cref="IReviewApplier"/> the pipeline calls after alignment.
    /// </summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IQualityChecker)))
        {
            return services;
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
        if (!services.Any(d => d.ServiceType == typeof(IReviewStore)))
        {
            // The store is also a setup check: a job opens and checks its file before it starts.
            services.AddSingleton<SqliteReviewStore>();
            services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<SqliteReviewStore>());
            services.AddSingleton<ISetupCheck>(sp => sp.GetRequiredService<SqliteReviewStore>());
        }

        services.TryAddSingleton<IReviewApplier, ReviewApplier>();
        return services;
    }
}
