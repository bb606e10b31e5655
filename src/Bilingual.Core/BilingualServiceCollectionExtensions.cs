using Bilingual.Core.Alignment;
using Bilingual.Core.Jobs;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Reading;
using Bilingual.Core.Review;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Caching;
using Bilingual.Core.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Core;

/// <summary>The index of every stage: one call registers the whole pipeline, in pipeline order.</summary>
public static class BilingualServiceCollectionExtensions
{
    /// <summary>Registers read → segment → translate (cache first) → align → review → write, and the pipeline that runs them.</summary>
    public static IServiceCollection AddBilingual(this IServiceCollection services)
    {
        services.AddReading();
        services.AddSegmentation();
        services.AddTranslationCache();
        services.AddTranslation();
        services.AddAlignment();
        services.AddReview();
        services.AddWriting();
        services.AddPipeline();
        return services;
    }

    /// <summary>
    /// Registers, on top of <see cref="AddBilingual"/>, the translation jobs a service host runs: the job store, the
    /// queue, the runner (a hosted service) and a pipeline for each backend and language pair a job asks for.
    /// </summary>
    public static IServiceCollection AddBilingualJobs(this IServiceCollection services)
    {
        services.AddBilingual();
        services.AddTranslationJobs();
        services.AddSingleton<IArticlePipelineFactory, ArticlePipelineFactory>();
        return services;
    }
}
