using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation;

/// <summary>Which backend translates, between which languages, and the user's glossary. Section <c>Translation</c>.</summary>
public sealed class TranslationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Translation";

    /// <summary>
    /// The backend: <c>auto</c> (Azure when <c>Translation:Azure:Key</c> is set, otherwise the offline
    /// dictionary), <c>azure</c>, <c>offline</c>, <c>deepl</c> (section <c>Translation:DeepL</c>, needs its key),
    /// <c>libretranslate</c> (section <c>Translation:LibreTranslate</c>, a self-hosted or public server) or
    /// <c>llm</c> (section <c>Translation:Llm</c>, an OpenAI-compatible chat completions endpoint). Default <c>auto</c>.
    /// </summary>
    [Required]
    [RegularExpression(BackendNames.Pattern, ErrorMessage = "Translation:Backend must be one of " + BackendNames.List + ".")]
    public string Backend { get; set; } = BackendNames.Auto;

    /// <summary>The source language tag. Default <c>nl</c>.</summary>
    [Required]
    [RegularExpression("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", ErrorMessage = "Translation:From must be a language tag such as nl.")]
    public string From { get; set; } = "nl";

    /// <summary>The target language tag. Default <c>en</c>.</summary>
    [Required]
    [RegularExpression("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", ErrorMessage = "Translation:To must be a language tag such as en.")]
    public string To { get; set; } = "en";

    /// <summary>
    /// Source terms and their required translations (<c>Poetin</c> → <c>Putin</c>), matched as whole words,
    /// case-sensitively. Applied before anything else by the offline backend, sent as dynamic
    /// dictionary markup to Azure, protected by placeholders for LibreTranslate, given as required renderings to
    /// the LLM, and checked after DeepL (which applies only its own server-side glossary,
    /// <c>Translation:DeepL:GlossaryId</c>). Empty by default.
    /// </summary>
    public Dictionary<string, string> Glossary { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Checks <see cref="TranslationOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class TranslationOptionsValidator : IValidateOptions<TranslationOptions>
{
}
