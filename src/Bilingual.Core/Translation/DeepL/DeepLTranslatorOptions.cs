using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.DeepL;

/// <summary>
/// The DeepL API v2 backend. Section <c>Translation:DeepL</c>; from the environment as <c>Translation__DeepL__Key</c>
/// and so on. Retry and timeout settings are those of <see cref="HttpTranslatorOptions"/>.
/// </summary>
public sealed class DeepLTranslatorOptions : HttpTranslatorOptions, IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Translation:DeepL";

    /// <summary>
    /// The API endpoint. Empty by default: <c>https://api-free.deepl.com</c> for a Free key (one ending in
    /// <c>:fx</c>), otherwise <c>https://api.deepl.com</c>. <c>/v2/translate</c> is appended.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// The authentication key, sent as <c>Authorization: DeepL-Auth-Key …</c>. No default. Never logged,
    /// serialised or put in a message.
    /// </summary>
    [JsonIgnore]
    public string? Key { get; set; }

    /// <summary>The English variant to produce when <c>Translation:To</c> is <c>en</c>: <c>EN-GB</c> or <c>EN-US</c>. Default <c>EN-GB</c>. Part of the cache key.</summary>
    [Required]
    [RegularExpression("^(EN-GB|EN-US)$", ErrorMessage = "Translation:DeepL:TargetLanguage must be EN-GB or EN-US.")]
    public string TargetLanguage { get; set; } = "EN-GB";

    /// <summary>
    /// DeepL's <c>split_sentences</c>: <c>0</c> (one sentence per text), <c>1</c> (split on punctuation and
    /// newlines) or <c>nonewlines</c> (split on punctuation only). Default <c>nonewlines</c>: a paragraph is one
    /// text. Part of the cache key.
    /// </summary>
    [Required]
    [RegularExpression("^(0|1|nonewlines)$", ErrorMessage = "Translation:DeepL:SplitSentences must be 0, 1 or nonewlines.")]
    public string SplitSentences { get; set; } = "nonewlines";

    /// <summary>
    /// The id of a glossary created on the DeepL account (for the configured language pair), sent as
    /// <c>glossary_id</c>. DeepL applies only server-side glossaries: without one, <c>Translation:Glossary</c> is
    /// checked after translation and each required rendering that is missing is logged as a warning. Part of the
    /// cache key.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Translation:DeepL:GlossaryId must be a DeepL glossary id.")]
    public string? GlossaryId { get; set; }

    /// <summary>Texts per request. Default and API maximum 50.</summary>
    [Range(1, 50)]
    public int MaxTextsPerRequest { get; set; } = 50;

    /// <summary>
    /// Characters per request, summed over its texts. Default 40,000, so that even text of three-byte UTF-8
    /// characters stays within the API's 128 KiB request body; a body that would still exceed it is refused
    /// before sending as too large. Range 1–130,000.
    /// </summary>
    [Range(1, 130_000)]
    public int MaxCharactersPerRequest { get; set; } = 40_000;

    /// <summary>The endpoint actually used: <see cref="Endpoint"/>, or the Free or Pro API by the key's suffix.</summary>
    internal string EffectiveEndpoint =>
        !string.IsNullOrWhiteSpace(Endpoint) ? Endpoint
        : Key?.EndsWith(":fx", StringComparison.Ordinal) == true ? "https://api-free.deepl.com"
        : "https://api.deepl.com";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Endpoint) && !IsValidEndpoint(Endpoint))
        {
            yield return new ValidationResult(
                "Translation:DeepL:Endpoint must be an absolute https URL such as https://api.deepl.com.", [nameof(Endpoint)]);
        }
    }
}

/// <summary>Checks <see cref="DeepLTranslatorOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class DeepLTranslatorOptionsValidator : IValidateOptions<DeepLTranslatorOptions>
{
}
