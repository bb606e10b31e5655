using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Pipeline;

/// <summary>Registers the pipeline that ties the stages together.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the jobs the hosts call: the translate job (<see cref="IArticlePipeline"/> and the folder runner over it,
    /// with validated <see cref="PipelineOptions"/>), the align job, the segment job and the review import job.
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateWith<PipelineOptions, PipelineOptionsValidator>().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ParagraphAligner>();
        services.AddSingleton<IArticlePipeline, ArticlePipeline>();
        services.AddSingleton<JobStart>();
        services.AddSingleton<ArticleFolderRunner>();
        services.AddSingleton<ISegmentationJob, SegmentationJob>();
        services.AddSingleton<IAlignmentJob, AlignmentJob>();
        services.AddSingleton<IReviewImportJob, ReviewImportJob>();
        return services;
    }
}
