using Bilingual.Core.Translation.Http;
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
    /// character rate limiter, the named <see cref="HttpClient"/> with the one resilience layer every remote backend
    /// shares, switched to Azure's ways (a circuit breaker, the rate limiter, 429s backed off over the rate window),
    /// and the concrete backend <c>AzureTranslator</c> as a singleton. It is not registered as
    /// <see cref="ITextTranslator"/>: the backend selection (<c>Translation:Backend</c>) decides that.
    /// </summary>
    public static IServiceCollection AddAzureTranslator(this IServiceCollection services)
    {
        services.AddOptions<AzureTranslatorOptions>()
            .BindConfiguration(AzureTranslatorOptions.SectionName)
            .ValidateWith<AzureTranslatorOptions, AzureTranslatorOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value;
            return new CharacterRateLimiter(
                options.EffectiveCharactersPerMinute, options.RateWindow, options.EffectiveMaxCharactersPerRequest, sp.GetRequiredService<TimeProvider>());
        });
        return services.AddHttpTranslator<AzureTranslatorOptions, TextTranslationClient, AzureTranslator>(
            TextTranslationClient.HttpClientName,
            AzureTranslatorErrors.Service,
            static (sp, options, resilience) => resilience
                .AddCircuitBreaker(options.RateWindow, options.BreakDuration)
                .AddCharacterRateLimiter(sp.GetRequiredService<CharacterRateLimiter>())
                .BackOffThrottlingOver(options.RateWindow)
                .LogRequestsBy(TextTranslationClient.ClientTraceIdHeader));
    }
}
