using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Translation.Caching;

/// <summary>Registers the translation cache.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the two-layer (memory, then SQLite file) <see cref="ITranslationCache"/>, the <see cref="ITranslationClaims"/>
    /// kept in the same file, and their validated <see cref="CacheOptions"/>; the same cache is an <see cref="ISetupCheck"/>,
    /// so a job opens and checks the file before it starts.
    /// </summary>
    public static IServiceCollection AddTranslationCache(this IServiceCollection services)
    {
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateWith<CacheOptions, CacheOptionsValidator>().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteTranslationCache>();
        services.AddSingleton<ITranslationCache>(sp => sp.GetRequiredService<SqliteTranslationCache>());
        services.AddSingleton<ITranslationClaims>(sp => sp.GetRequiredService<SqliteTranslationCache>());
        services.AddSingleton<ISetupCheck>(sp => sp.GetRequiredService<SqliteTranslationCache>());
        return services;
    }
}
