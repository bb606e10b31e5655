using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Pipeline;

/// <summary>Where articles come from and where outputs go. Section <c>Pipeline</c>.</summary>
public sealed class PipelineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>The folder of articles to translate, relative to the working directory. Default <c>seeds</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Pipeline:InputDirectory must name the folder of articles.")]
    public string InputDirectory { get; set; } = "seeds";

    /// <summary>The folder outputs are written to; created when missing. Default <c>out</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Pipeline:OutputDirectory must name the folder for outputs.")]
    public string OutputDirectory { get; set; } = "out";

    /// <summary>
    /// In watch mode, where a file that failed is moved, beside a note of the reason. Default: a folder
    /// <c>failed</c> inside <see cref="OutputDirectory"/>.
    /// </summary>
    public string? FailedDirectory { get; set; }

    /// <summary>Which files of the input folder are articles (a file-system pattern). Default <c>*.txt</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string FilePattern { get; set; } = "*.txt";

    /// <summary>In watch mode, how often the input folder is scanned, in milliseconds. Default 1000; range 20 to 600,000.</summary>
    [Range(20, 600_000)]
    public int WatchIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// In watch mode, how many more times an article whose paragraphs could not be translated is tried before it is
    /// moved to the failed folder; the waits double from the scan interval up to 5 minutes. Tries that met a backend
    /// that could not be reached or was overloaded (an outage) do not count. A file that cannot be read is moved at once.
    /// Default 5; range 0 to 100.
    /// </summary>
    [Range(0, 100)]
    public int WatchRetries { get; set; } = 5;

    /// <summary>The folder failed files go to.</summary>
    public string ResolveFailedDirectory() => FailedDirectory ?? Path.Combine(OutputDirectory, "failed");
}

/// <summary>Checks <see cref="PipelineOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
}
