using Bilingual.Core.Translation.Azure;
using Bilingual.Core.Translation.DeepL;
using Bilingual.Core.Translation.LibreTranslate;
using Bilingual.Core.Translation.Llm;
using Bilingual.Core.Translation.Offline;
using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation;

/// <summary>Registers the translation stage: every backend, the choice between them, and the cache-first service.</summary>
public static partial class TranslationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the backends (Azure, offline dictionary, DeepL, LibreTranslate, LLM), registers as
    /// <see cref="ITextTranslator"/> the one that <see cref="TranslationOptions.Backend"/> selects, and adds the
    /// <see cref="ITranslationService"/> that puts the cache in front of it.
    /// </summary>
    public static IServiceCollection AddTranslation(this IServiceCollection services)
    {
        services.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.SectionName).ValidateWith<TranslationOptions, TranslationOptionsValidator>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TranslationOptions>, BackendSelectionValidation>();
        services.AddAzureTranslator();
        services.AddOfflineTranslator();
        services.AddDeepLTranslator();
        services.AddLibreTranslateTranslator();
        services.AddLlmTranslator();
        services.AddSingleton<ITextTranslator>(SelectBackend);
        services.AddTranslationService();
        return services;
    }

    /// <summary>
    /// The backend name <see cref="TranslationOptions.Backend"/> resolves to: <c>auto</c> becomes <c>azure</c> when
    /// an Azure key is set and <c>offline</c> otherwise; any other name stays as it is.
    /// </summary>
    internal static string ResolveBackend(string backend, string? azureKey) => backend switch
    {
        BackendNames.Auto => string.IsNullOrWhiteSpace(azureKey) ? BackendNames.Offline : BackendNames.Azure,
        _ => backend,
    };

    private static ITextTranslator SelectBackend(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TranslationOptions>>().Value;
        var azureKey = services.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value.Key;
        var backend = ResolveBackend(options.Backend, azureKey);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bilingual.Translation");
        switch (backend)
        {
            case BackendNames.Offline:
                if (options.Backend == BackendNames.Auto)
                {
                    LogOfflineNotice(logger);
                }

                return services.GetRequiredService<OfflineDictionaryTranslator>();
            case BackendNames.DeepL:
                LogBackend(logger, "DeepL", services.GetRequiredService<DeepLClient>().TranslateUri.GetLeftPart(UriPartial.Authority));
                return services.GetRequiredService<DeepLTranslator>();
            case BackendNames.LibreTranslate:
                LogBackend(logger, "LibreTranslate", services.GetRequiredService<LibreTranslateClient>().TranslateUri.GetLeftPart(UriPartial.Authority));
                return services.GetRequiredService<LibreTranslateTranslator>();
            case BackendNames.Llm:
                var llm = services.GetRequiredService<IOptions<LlmTranslatorOptions>>().Value;
                LogBackend(logger, $"the LLM {llm.Model}", services.GetRequiredService<ChatCompletionClient>().CompletionsUri.GetLeftPart(UriPartial.Authority));
                return services.GetRequiredService<LlmTranslator>();
            default:
                LogAzure(logger, services.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value.Endpoint);
                return services.GetRequiredService<AzureTranslator>();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Azure key configured (Translation:Azure:Key): using the offline dictionary backend; outputs are word-by-word glosses, not translations.")]
    private static partial void LogOfflineNotice(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Translating with Azure AI Translator at {Endpoint}")]
    private static partial void LogAzure(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Translating with {Backend} at {Endpoint}")]
    private static partial void LogBackend(ILogger logger, string backend, string endpoint);

    /// <summary>Refuses at start a selected backend that lacks its key or endpoint, rather than failing at the first request.</summary>
    private sealed class BackendSelectionValidation(
        IOptions<AzureTranslatorOptions> azure,
        IOptions<DeepLTranslatorOptions> deepL,
        IOptions<LlmTranslatorOptions> llm) : IValidateOptions<TranslationOptions>
    {
        private const string Alternatives = "or use Translation:Backend=auto or offline.";

        public ValidateOptionsResult Validate(string? name, TranslationOptions options) => options.Backend switch
        {
            BackendNames.Azure when string.IsNullOrWhiteSpace(azure.Value.Key) => ValidateOptionsResult.Fail(
                "Translation:Backend is azure but no key is configured: set Translation:Azure:Key (environment variable Translation__Azure__Key), " + Alternatives),
            BackendNames.DeepL when string.IsNullOrWhiteSpace(deepL.Value.Key) => ValidateOptionsResult.Fail(
                "Translation:Backend is deepl but no key is configured: set Translation:DeepL:Key (environment variable Translation__DeepL__Key), " + Alternatives),
            BackendNames.Llm when string.IsNullOrWhiteSpace(llm.Value.Key) && !llm.Value.IsLocal => ValidateOptionsResult.Fail(
                "Translation:Backend is llm with a remote Translation:Llm:Endpoint but no key is configured: set Translation:Llm:Key " +
                "(environment variable Translation__Llm__Key), point Translation:Llm:Endpoint at a local server, " + Alternatives),
            _ => ValidateOptionsResult.Success,
        };
    }
}
