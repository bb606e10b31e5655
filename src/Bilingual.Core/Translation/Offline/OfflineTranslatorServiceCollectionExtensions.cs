using Bilingual.Core.Lexicon;
using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Translation.Offline;

/// <summary>Registers the offline dictionary backend.</summary>
public static class OfflineTranslatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OfflineTranslatorOptions"/> (section <c>Translation:Offline</c>, validated at start)
    /// and the offline dictionary backend as a singleton of its own type, not as <see cref="ITextTranslator"/>:
    /// the backend selection decides which backend serves. A missing dictionary file is reported at first
    /// use, with the path and the package that provides it, so hosts that use another backend still start.
    /// </summary>
    public static IServiceCollection AddOfflineTranslator(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OfflineTranslatorOptions>()
            .BindConfiguration(OfflineTranslatorOptions.SectionName)
            .ValidateWith<OfflineTranslatorOptions, OfflineTranslatorOptionsValidator>()
            .ValidateOnStart();
        services.AddOptions<TranslationOptions>()
            .BindConfiguration(TranslationOptions.SectionName);
        services.TryAddSingleton<OfflineDictionaryTranslator>();
        // The dictionary also serves the align job as a lexicon for pairs without a bridge; it is loaded only when
        // the job asks whether it covers a pair.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBilingualLexicon, FreeDictLexicon>());
        return services;
    }
}
