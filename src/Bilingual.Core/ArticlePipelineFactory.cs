using System.Collections.Concurrent;
using Bilingual.Core.Jobs;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Text;
using Bilingual.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Core;

/// <summary>
/// The translate pipeline for a job: the configured one when the job asks for the configured backend and languages,
/// else one built once per choice from the same configuration with the job's choice on top (same cache file, same
/// glossary, that backend's own settings), kept for the life of the process.
/// </summary>
internal sealed class ArticlePipelineFactory(IServiceProvider services, IConfiguration configuration, IOptions<TranslationOptions> translation)
    : IArticlePipelineFactory, IDisposable
{
    private readonly ConcurrentDictionary<(string, string, string), Lazy<ServiceProvider>> _built = new();

    /// <inheritdoc />
    public IArticlePipeline Create(string backend, string sourceLanguage, string targetLanguage)
    {
        var configured = translation.Value;
        if (backend == configured.Backend && LanguageTag.AreSame(sourceLanguage, configured.From) && LanguageTag.AreSame(targetLanguage, configured.To))
        {
            return services.GetRequiredService<IArticlePipeline>();
        }

        var provider = _built.GetOrAdd((backend, sourceLanguage, targetLanguage), key => new Lazy<ServiceProvider>(() =>
            BilingualConfiguration.BuildServices(new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    [$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.Backend)}"] = key.Item1,
                    [$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.From)}"] = key.Item2,
                    [$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.To)}"] = key.Item3,
                })
                .Build())));
        return provider.Value.GetRequiredService<IArticlePipeline>();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var built in _built.Values.Where(b => b.IsValueCreated))
        {
            built.Value.Dispose();
        }
    }
}
