using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Llm;

/// <summary>
/// The LLM backend: a chat model behind an OpenAI-compatible <c>/v1/chat/completions</c> endpoint (OpenAI, or a
/// local server such as llama.cpp, vLLM or Ollama). Section <c>Translation:Llm</c>; from the environment as
/// <c>Translation__Llm__Key</c> and so on. Retry and timeout settings are those of <see cref="HttpTranslatorOptions"/>.
/// </summary>
public sealed class LlmTranslatorOptions : HttpTranslatorOptions, IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Translation:Llm";

    /// <summary>
    /// The server's base URL; <c>/v1/chat/completions</c> is appended (only <c>/chat/completions</c> when the URL
    /// already ends in <c>/v1</c>). Default <c>https://api.openai.com</c>. Must be https unless on the loopback interface.
    /// </summary>
    [Required]
    public string Endpoint { get; set; } = "https://api.openai.com";

    /// <summary>
    /// The API key, sent as <c>Authorization: Bearer …</c>; required for a remote endpoint, optional for a local
    /// server. Empty by default. Never logged, serialised or put in a message.
    /// </summary>
    [JsonIgnore]
    public string? Key { get; set; }

    /// <summary>The model name, sent as <c>model</c> and used as the backend's version in the cache key. Default <c>gpt-4o-mini</c>.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._:/@-]+$", ErrorMessage = "Translation:Llm:Model must be a model name such as gpt-4o-mini.")]
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Paragraphs per request. Default 20: an answer must stay well within the model's output limit. Range 1–200.</summary>
    [Range(1, 200)]
    public int MaxTextsPerRequest { get; set; } = 20;

    /// <summary>Characters per request, summed over its paragraphs. Default 6,000 (about 1,500 tokens of Dutch). Range 1–200,000.</summary>
    [Range(1, 200_000)]
    public int MaxCharactersPerRequest { get; set; } = 6_000;

    /// <summary>The endpoint is on this machine, where a key is optional.</summary>
    internal bool IsLocal => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsValidEndpoint(Endpoint))
        {
            yield return new ValidationResult(
                "Translation:Llm:Endpoint must be an absolute https URL such as https://api.openai.com, or an http URL on 127.0.0.1.",
                [nameof(Endpoint)]);
        }
    }
}

/// <summary>Checks <see cref="LlmTranslatorOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class LlmTranslatorOptionsValidator : IValidateOptions<LlmTranslatorOptions>
{
}
