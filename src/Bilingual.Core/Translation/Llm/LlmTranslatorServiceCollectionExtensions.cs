using Bilingual.Core.Translation.Http;
using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Core.Translation.Llm;

/// <summary>Registers the LLM (OpenAI-compatible chat completions) backend.</summary>
public static class LlmTranslatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LlmTranslatorOptions"/> (section <c>Translation:Llm</c>, validated at start), the named
    /// <see cref="HttpClient"/> with its one resilience layer, and the concrete backend <c>LlmTranslator</c> as a
    /// singleton. It is not registered as <see cref="ITextTranslator"/>: the backend selection decides that.
    /// </summary>
    public static IServiceCollection AddLlmTranslator(this IServiceCollection services)
    {
        services.AddOptions<LlmTranslatorOptions>()
            .BindConfiguration(LlmTranslatorOptions.SectionName)
            .ValidateWith<LlmTranslatorOptions, LlmTranslatorOptionsValidator>()
            .ValidateOnStart();
        return services.AddHttpTranslator<LlmTranslatorOptions, ChatCompletionClient, LlmTranslator>(ChatCompletionClient.HttpClientName, "LLM");
    }
}
