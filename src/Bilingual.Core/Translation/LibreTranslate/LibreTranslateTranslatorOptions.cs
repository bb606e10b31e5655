using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.LibreTranslate;

/// <summary>
/// The LibreTranslate backend (a self-hosted or public server's <c>/translate</c>). Section
/// <c>Translation:LibreTranslate</c>; from the environment as <c>Translation__LibreTranslate__Endpoint</c> and so
/// on. Retry and timeout settings are those of <see cref="HttpTranslatorOptions"/>.
/// </summary>
public sealed class LibreTranslateTranslatorOptions : HttpTranslatorOptions, IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Translation:LibreTranslate";

    /// <summary>
    /// The server's base URL; <c>/translate</c> is appended. Default <c>http://127.0.0.1:5000</c>, a local
    /// server's default address. Must be https unless on the loopback interface.
    /// </summary>
    [Required]
    public string Endpoint { get; set; } = "http://127.0.0.1:5000";

    /// <summary>
    /// The API key, sent as <c>api_key</c> in the body, for servers started with API keys. Empty by default.
    /// Never logged, serialised or put in a message.
    /// </summary>
    [JsonIgnore]
    public string? Key { get; set; }

    /// <summary>Texts per request (the server's <c>--batch-limit</c>). Default 25. Range 1–1,000.</summary>
    [Range(1, 1000)]
    public int MaxTextsPerRequest { get; set; } = 25;

    /// <summary>
    /// Characters per request, summed over its texts (the server's <c>--char-limit</c>). Default 5,000. Range
    /// 1–1,000,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxCharactersPerRequest { get; set; } = 5_000;

    /// <summary>
    /// A label for the server's models, part of the cache key: change it after upgrading the server's language
    /// models so earlier translations are not reused. Default <c>1</c>.
    /// </summary>
    [Required]
    public string ModelVersion { get; set; } = "1";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsValidEndpoint(Endpoint))
        {
            yield return new ValidationResult(
                "Translation:LibreTranslate:Endpoint must be an absolute https URL, or an http URL on 127.0.0.1 such as http://127.0.0.1:5000.",
                [nameof(Endpoint)]);
        }
    }
}

/// <summary>Checks <see cref="LibreTranslateTranslatorOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class LibreTranslateTranslatorOptionsValidator : IValidateOptions<LibreTranslateTranslatorOptions>
{
}
