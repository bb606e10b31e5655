using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Translation;

/// <summary>Registers the cache-first, batching translation service.</summary>
public static class TranslationServiceRegistration
{
    /// <summary>
    /// Registers <see cref="ITranslationService"/> and its <see cref="BatchingOptions"/> (section
    /// <c>Translation:Batching</c>). The service consumes the <see cref="ITextTranslator"/> chosen by the backend
    /// selection and the registered <see cref="Caching.ITranslationCache"/>; an <see cref="Segmentation.ISentenceSegmenter"/>
    /// is used for cutting long paragraphs when one is registered.
    /// </summary>
    public static IServiceCollection AddTranslationService(this IServiceCollection services)
    {
        services.AddOptions<TranslationOptions>()
            .BindConfiguration(TranslationOptions.SectionName)
            .ValidateWith<TranslationOptions, TranslationOptionsValidator>()
            .ValidateOnStart();
        services.AddOptions<BatchingOptions>()
            .BindConfiguration(BatchingOptions.SectionName)
            .ValidateWith<BatchingOptions, BatchingOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITranslationService, TranslationService>();
        return services;
    }
}
