using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Reading;

/// <summary>Registers the reading stage.</summary>
public static class ReadingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IArticleReader"/> and its validated <see cref="ReadingOptions"/>.</summary>
    public static IServiceCollection AddReading(this IServiceCollection services)
    {
        services.AddOptions<ReadingOptions>().BindConfiguration(ReadingOptions.SectionName).ValidateWith<ReadingOptions, ReadingOptionsValidator>().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IArticleReader, ArticleReader>();
        return services;
    }
}
