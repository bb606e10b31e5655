using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Azure;

/// <summary>Registers the Azure AI Translator backend.</summary>
public static class AzureTranslatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AzureTranslatorOptions"/> (section <c>Translation:Azure</c>, validated at start), the
    /// shared character rate limiter and resilience pipeline, the named <see cref="HttpClient"/> that carries
    /// them, and the concrete backend <c>AzureTranslator</c> as a singleton. It is not registered as
    /// <see cref="ITextTranslator"/>: the backend selection (<c>Translation:Backend</c>) decides that.
    /// </summary>
    public static IServiceCollection AddAzureTranslator(this IServiceCollection services)
    {
        services.AddOptions<AzureTranslatorOptions>()
            .BindConfiguration(AzureTranslatorOptions.SectionName)
            .ValidateWith<AzureTranslatorOptions, AzureTranslatorOptionsValidator>()
            .ValidateOnStart();
        services.AddOptions<TranslationOptions>()
            .BindConfiguration(TranslationOptions.SectionName)
            .ValidateWith<TranslationOptions, TranslationOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value;
            return new CharacterRateLimiter(
                options.CharactersPerMinute, options.RateWindow, options.EffectiveMaxCharactersPerRequest, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<AzureResilience>();
        services.TryAddTransient<AzureResilienceHandler>();
        // Timeouts belong to the resilience pipeline, which runs on the injected clock.
        services.AddHttpClient(TextTranslationClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<AzureResilienceHandler>();
        services.TryAddSingleton<TextTranslationClient>();
        services.TryAddSingleton<AzureTranslator>();
        return services;
    }
}
