using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Reading;

/// <summary>Limits and heuristics of the article reader. Section <c>Reading</c>.</summary>
public sealed class ReadingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reading";

    /// <summary>
    /// The largest article file accepted, in bytes. Default 16 MiB; range 1 KiB to 1 GiB. Larger files are
    /// refused with a clear message rather than read into memory.
    /// </summary>
    [Range(1024, 1L << 30)]
    public long MaxFileBytes { get; set; } = 16L << 20;

    /// <summary>
    /// The longest paragraph, in characters, that still counts as a heading when it has no final sentence
    /// punctuation. Default 80; range 1 to 1000.
    /// </summary>
    [Range(1, 1000)]
    public int MaxHeadingLength { get; set; } = 80;

    /// <summary>
    /// How long reading one file may take, in seconds, before it is given up with a message (a file on a hung
    /// network mount, a pipe that appeared after the folder was listed). Default 30; range 1 to 3600.
    /// </summary>
    [Range(1, 3600)]
    public int ReadTimeoutSeconds { get; set; } = 30;
}

/// <summary>Checks <see cref="ReadingOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class ReadingOptionsValidator : IValidateOptions<ReadingOptions>
{
}
