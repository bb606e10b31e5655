using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Pipeline;

/// <summary>Registers the pipeline that ties the stages together.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IArticlePipeline"/>, <see cref="ArticleFolderRunner"/> and validated <see cref="PipelineOptions"/>.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateWith<PipelineOptions, PipelineOptionsValidator>().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ParagraphAligner>();
        services.AddSingleton<IArticlePipeline, ArticlePipeline>();
        services.AddSingleton<ArticleFolderRunner>();
        return services;
    }
}
