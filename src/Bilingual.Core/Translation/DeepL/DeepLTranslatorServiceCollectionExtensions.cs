using Bilingual.Core.Translation.Http;
using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Core.Translation.DeepL;

/// <summary>Registers the DeepL backend.</summary>
public static class DeepLTranslatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DeepLTranslatorOptions"/> (section <c>Translation:DeepL</c>, validated at start), the
    /// named <see cref="HttpClient"/> with its one resilience layer, and the concrete backend <c>DeepLTranslator</c>
    /// as a singleton. It is not registered as <see cref="ITextTranslator"/>: the backend selection decides that.
    /// </summary>
    public static IServiceCollection AddDeepLTranslator(this IServiceCollection services)
    {
        services.AddOptions<DeepLTranslatorOptions>()
            .BindConfiguration(DeepLTranslatorOptions.SectionName)
            .ValidateWith<DeepLTranslatorOptions, DeepLTranslatorOptionsValidator>()
            .ValidateOnStart();
        return services.AddHttpTranslator<DeepLTranslatorOptions, DeepLClient, DeepLTranslator>(DeepLClient.HttpClientName, DeepLErrors.Service);
    }
}
