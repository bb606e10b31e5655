using Bilingual.Core.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Jobs;

/// <summary>Registers translation jobs: the store, the queue, the service hosts call and the runner that works them.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ITranslationJobs"/>, the SQLite <see cref="IJobStore"/> (in <c>Cache:Path</c>'s file unless
    /// <c>Api:DatabasePath</c> says otherwise) and, as a hosted service, the runner. The host provides an
    /// <see cref="IArticlePipelineFactory"/> (the root registration does).
    /// </summary>
    public static IServiceCollection AddTranslationJobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.DatabasePath ??= configuration["Cache:Path"] ?? "cache/translations.db")
            .ValidateWith<JobOptions, JobOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJobStore, SqliteJobStore>();
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<TranslationJobs>();
        services.TryAddSingleton<ITranslationJobs>(sp => sp.GetRequiredService<TranslationJobs>());
        services.TryAddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
