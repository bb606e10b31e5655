using Bilingual.Core.Translation.Http;
using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Core.Translation.LibreTranslate;

/// <summary>Registers the LibreTranslate backend.</summary>
public static class LibreTranslateTranslatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LibreTranslateTranslatorOptions"/> (section <c>Translation:LibreTranslate</c>, validated
    /// at start), the named <see cref="HttpClient"/> with its one resilience layer, and the concrete backend
    /// <c>LibreTranslateTranslator</c> as a singleton. It is not registered as <see cref="ITextTranslator"/>: the
    /// backend selection decides that.
    /// </summary>
    public static IServiceCollection AddLibreTranslateTranslator(this IServiceCollection services)
    {
        services.AddOptions<LibreTranslateTranslatorOptions>()
            .BindConfiguration(LibreTranslateTranslatorOptions.SectionName)
            .ValidateWith<LibreTranslateTranslatorOptions, LibreTranslateTranslatorOptionsValidator>()
            .ValidateOnStart();
        return services.AddHttpTranslator<LibreTranslateTranslatorOptions, LibreTranslateClient, LibreTranslateTranslator>(LibreTranslateClient.HttpClientName, LibreTranslateErrors.Service);
    }
}
