using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Segmentation;

/// <summary>
/// How paragraphs are split into sentences. Section <c>Segmentation</c>. By default the built-in rules
/// for Dutch and English (and the shared rules for any other language) are used; set
/// <see cref="SrxPath"/> to segment with an SRX 2.0 rules file instead.
/// </summary>
public sealed class SegmentationOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Segmentation";

    /// <summary>
    /// Extra abbreviations per language tag (<c>Segmentation:Abbreviations:nl</c> = <c>["gem.", "Kon."]</c>),
    /// added to the built-in lists. The trailing full stop is optional. Such an abbreviation never ends a
    /// sentence before a lower-case word, a number or a name, only before a word that commonly opens a
    /// sentence (<c>De</c>, <c>The</c>). Empty by default.
    /// </summary>
    public Dictionary<string, List<string>> Abbreviations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Extra abbreviations per language tag that never end a sentence, such as titles before a name
    /// (<c>Segmentation:PrefixAbbreviations:nl</c> = <c>["kol."]</c>). Empty by default.
    /// </summary>
    public Dictionary<string, List<string>> PrefixAbbreviations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// An SRX 2.0 segmentation rules file (OmegaT, Okapi or LanguageTool format) used instead of the
    /// built-in rules; relative paths are resolved against the working directory. Null (the default)
    /// selects the built-in rules.
    /// </summary>
    public string? SrxPath { get; set; }

    /// <summary>
    /// The longest time one SRX pattern may spend on one paragraph, in milliseconds, before the
    /// segmentation fails naming the rule: a guard against catastrophic backtracking in a rules file.
    /// Default 2000, range 10–600000.
    /// </summary>
    [Range(10, 600_000)]
    public int SrxMatchTimeoutMilliseconds { get; set; } = 2000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SrxPath is not null && !File.Exists(SrxPath))
        {
            yield return new ValidationResult(
                $"Segmentation:SrxPath: the SRX file '{SrxPath}' does not exist.", [nameof(SrxPath)]);
        }

        foreach (var (name, lists) in new[] { (nameof(Abbreviations), Abbreviations), (nameof(PrefixAbbreviations), PrefixAbbreviations) })
        {
            foreach (var (language, entries) in lists)
            {
                foreach (var entry in entries)
                {
                    if (string.IsNullOrWhiteSpace(entry) || entry.Trim('.').Length == 0 || entry.Any(char.IsWhiteSpace))
                    {
                        yield return new ValidationResult(
                            $"Segmentation:{name}:{language}: '{entry}' is not an abbreviation (one word, no spaces).", [name]);
                    }
                }
            }
        }
    }
}

/// <summary>Checks <see cref="SegmentationOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class SegmentationOptionsValidator : IValidateOptions<SegmentationOptions>
{
}
