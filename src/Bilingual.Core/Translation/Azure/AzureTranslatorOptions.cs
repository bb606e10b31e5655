using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Options;

// IL2026: RangeAttribute(Type, string, string) converts its bounds through reflection. Nothing reflects over
// these attributes: the options are validated by their generated validator, which reads the bounds at build
// time and checks them with a strongly typed copy of the attribute.
#pragma warning disable IL2026

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// The Azure AI Translator (Text API v3.0) backend. Section <c>Translation:Azure</c>; from the environment as
/// <c>Translation__Azure__Key</c>, <c>Translation__Azure__Region</c> and so on. Retry and timeout settings are those
/// of <see cref="HttpTranslatorOptions"/>, with Azure's defaults: 30 s per attempt, 5 min per call, 6 retries,
/// 2 s first back-off, 2 min longest wait.
/// </summary>
public sealed class AzureTranslatorOptions : HttpTranslatorOptions, IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Translation:Azure";

    /// <summary>Settings with Azure's defaults.</summary>
    public AzureTranslatorOptions()
        : base(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 6, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2))
    {
    }

    /// <summary>
    /// The service endpoint. Default the global <c>https://api.cognitive.microsofttranslator.com</c>; a geography
    /// (<c>https://api-eur.cognitive.microsofttranslator.com</c>, <c>-nam</c>, <c>-apc</c>) keeps requests in that
    /// geography; a resource's custom domain (<c>https://NAME.cognitiveservices.azure.com</c>) is called under
    /// <c>/translator/text/v3.0</c>, which is added when missing.
    /// </summary>
    [Required]
    public string Endpoint { get; set; } = "https://api.cognitive.microsofttranslator.com";

    /// <summary>
    /// The resource key, sent as <c>Ocp-Apim-Subscription-Key</c>. No default: without it the <c>auto</c> backend
    /// selection uses the offline backend. Never logged, serialised or put in a message.
    /// </summary>
    [JsonIgnore]
    public string? Key { get; set; }

    /// <summary>
    /// The resource's region (e.g. <c>westeurope</c>), sent as <c>Ocp-Apim-Subscription-Region</c>. Required by
    /// the service for regional and multi-service resources; leave empty for a global Translator resource.
    /// </summary>
    [RegularExpression("^[a-z0-9]+$", ErrorMessage = "Translation:Azure:Region must be an Azure region name such as westeurope.")]
    public string? Region { get; set; }

    /// <summary>A Custom Translator category (model) id; empty for the general model. Part of the cache key.</summary>
    [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "Translation:Azure:Category must be a Custom Translator category id.")]
    public string? Category { get; set; }

    /// <summary>Whether the texts are <c>plain</c> text or <c>html</c>. Default <c>plain</c>. Part of the cache key.</summary>
    [Required]
    [RegularExpression("^(plain|html)$", ErrorMessage = "Translation:Azure:TextType must be plain or html.")]
    public string TextType { get; set; } = "plain";

    /// <summary>Texts per request. Default and service maximum 1,000.</summary>
    [Range(1, 1000)]
    public int MaxElementsPerRequest { get; set; } = 1000;

    /// <summary>
    /// Characters per request, summed over its texts (spaces and markup included). Default and service maximum
    /// 50,000. With rate shaping on, a request never carries more than a twentieth of
    /// <see cref="CharactersPerMinute"/> (1,665 on the free tier; the full 50,000 on S1): the shaping keeps one
    /// request's worth below the allowance, so a small share costs little throughput.
    /// </summary>
    [Range(1, 50_000)]
    public int MaxCharactersPerRequest { get; set; } = 50_000;

    /// <summary>The request size actually used: <see cref="MaxCharactersPerRequest"/>, capped by a twentieth of the allowance.</summary>
    internal int EffectiveMaxCharactersPerRequest =>
        EffectiveCharactersPerMinute > 0
            ? Math.Max(1, Math.Min(MaxCharactersPerRequest, EffectiveCharactersPerMinute / 20))
            : MaxCharactersPerRequest;

    /// <summary>
    /// The pricing tier's preset: empty (the default) for none, or <c>F0</c> for the free tier, which caps
    /// <see cref="CharactersPerMinute"/> at <see cref="F0CharactersPerMinute"/> (and switches shaping on if it was 0).
    /// The free tier allows 2,000,000 characters an hour, to be used evenly (about 33,300 a minute in the service's
    /// sliding window), and 2,000,000 characters a month in all; past the month's quota the service answers 403001.
    /// </summary>
    [RegularExpression("^(F0)?$", ErrorMessage = "Translation:Azure:Tier must be F0 (the free tier) or empty.")]
    public string? Tier { get; set; }

    /// <summary>The free tier's characters per minute: 2,000,000 an hour spread over 60 minutes (service limits, "Character limits per hour").</summary>
    public const int F0CharactersPerMinute = 33_300;

    /// <summary>The allowance the shaping uses: <see cref="CharactersPerMinute"/>, capped by the <see cref="Tier"/> preset.</summary>
    internal int EffectiveCharactersPerMinute =>
        Tier == "F0"
            ? (CharactersPerMinute is > 0 and < F0CharactersPerMinute ? CharactersPerMinute : F0CharactersPerMinute)
            : CharactersPerMinute;

    /// <summary>
    /// Client-side rate shaping: characters sent per <see cref="RateWindow"/> (one minute). Default 2,000,000,
    /// the S1 tier's documented allowance; the free F0 tier allows about 33,300 per minute (set <see cref="Tier"/> to
    /// <c>F0</c>). 0 turns shaping off until the service throttles. Range 0–100,000,000. A 429 without <c>Retry-After</c>
    /// lowers the rate used (and the largest request) below this figure until the requests fit.
    /// </summary>
    [Range(0, 100_000_000)]
    public int CharactersPerMinute { get; set; } = 2_000_000;

    /// <summary>
    /// The window <see cref="CharactersPerMinute"/> applies to, the circuit breaker's sampling window, and the scale
    /// of the back-off after a 429 without <c>Retry-After</c> (a third of it, doubled per retry). Default one minute,
    /// the service's window; tests and benchmarks scale it down. Range 1 second to 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the circuit stays open after the failure ratio was exceeded (at least 80 % of at least 20 attempts
    /// within one <see cref="RateWindow"/>). Default 30 seconds. Range 1 second to 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsValidEndpoint(Endpoint))
        {
            yield return new ValidationResult(
                "Translation:Azure:Endpoint must be an absolute https URL such as https://api.cognitive.microsofttranslator.com.",
                [nameof(Endpoint)]);
        }
    }
}

/// <summary>Checks <see cref="AzureTranslatorOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class AzureTranslatorOptionsValidator : IValidateOptions<AzureTranslatorOptions>
{
}
