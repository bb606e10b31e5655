using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Offline;

/// <summary>
/// Where the offline backend finds its FreeDict Dutch→English dictionary (dictd format, Debian package
/// <c>dict-freedict-nld-eng</c>). Section <c>Translation:Offline</c>.
/// </summary>
public sealed class OfflineTranslatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Translation:Offline";

    /// <summary>
    /// The dictd index: one line per headword, <c>headword TAB offset TAB length</c> in dictd's base64.
    /// </summary>
    /// <value>Default <c>/usr/share/dictd/freedict-nld-eng.index</c>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Translation:Offline:IndexPath is required.")]
    public string IndexPath { get; set; } = "/usr/share/dictd/freedict-nld-eng.index";

    /// <summary>
    /// The dictd entries: a dictzip (<c>.dict.dz</c>, read as gzip) or a plain <c>.dict</c> file.
    /// </summary>
    /// <value>Default <c>/usr/share/dictd/freedict-nld-eng.dict.dz</c>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Translation:Offline:DictionaryPath is required.")]
    public string DictionaryPath { get; set; } = "/usr/share/dictd/freedict-nld-eng.dict.dz";
}

/// <summary>Checks <see cref="OfflineTranslatorOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class OfflineTranslatorOptionsValidator : IValidateOptions<OfflineTranslatorOptions>
{
}
