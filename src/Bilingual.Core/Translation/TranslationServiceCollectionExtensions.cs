using Bilingual.Core.Translation.Azure;
using Bilingual.Core.Translation.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation;

/// <summary>Registers the translation stage: every backend, the choice between them, and the cache-first service.</summary>
public static partial class TranslationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the backends (Azure, offline dictionary), registers as <see cref="ITextTranslator"/> the one that
    /// <see cref="TranslationOptions.Backend"/> selects, and adds the <see cref="ITranslationService"/> that
    /// puts the cache in front of it.
    /// </summary>
    public static IServiceCollection AddTranslation(this IServiceCollection services)
    {
        services.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TranslationOptions>, BackendSelectionValidation>();
        services.AddAzureTranslator();
        services.AddOfflineTranslator();
        services.AddSingleton<ITextTranslator>(SelectBackend);
        services.AddTranslationService();
        return services;
    }

    /// <summary>The backend name <see cref="TranslationOptions.Backend"/> resolves to: <c>azure</c> or <c>offline</c>.</summary>
    internal static string ResolveBackend(string backend, string? azureKey) => backend switch
    {
        "auto" => string.IsNullOrWhiteSpace(azureKey) ? "offline" : "azure",
        _ => backend,
    };

    private static ITextTranslator SelectBackend(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TranslationOptions>>().Value;
        var azureKey = services.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value.Key;
        var backend = ResolveBackend(options.Backend, azureKey);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bilingual.Translation");
        if (backend == "offline")
        {
            if (options.Backend == "auto")
            {
                LogOfflineNotice(logger);
            }

            return services.GetRequiredService<OfflineDictionaryTranslator>();
        }

        LogAzure(logger, services.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value.Endpoint);
        return services.GetRequiredService<AzureTranslator>();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Azure key configured (Translation:Azure:Key): using the offline dictionary backend; outputs are word-by-word glosses, not translations.")]
    private static partial void LogOfflineNotice(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Translating with Azure AI Translator at {Endpoint}")]
    private static partial void LogAzure(ILogger logger, string endpoint);

    /// <summary>Refuses <c>Translation:Backend=azure</c> without a key at start, rather than at the first request.</summary>
    private sealed class BackendSelectionValidation(IOptions<AzureTranslatorOptions> azure) : IValidateOptions<TranslationOptions>
    {
        public ValidateOptionsResult Validate(string? name, TranslationOptions options) =>
            options.Backend == "azure" && string.IsNullOrWhiteSpace(azure.Value.Key)
                ? ValidateOptionsResult.Fail("Translation:Backend is azure but no key is configured: set Translation:Azure:Key (environment variable Translation__Azure__Key), or use Translation:Backend=auto or offline.")
                : ValidateOptionsResult.Success;
    }
}
