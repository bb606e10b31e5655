using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Jobs;

/// <summary>How translation jobs are kept. Section <c>Api</c> (the HTTP service's jobs; its keys and budgets are the host's).</summary>
public sealed class JobOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Api";

    /// <summary>
    /// The SQLite file that holds jobs and their articles (tables <c>jobs</c>, <c>job_articles</c>). Default: the
    /// translation cache's file (<c>Cache:Path</c>), so a job and the translations it paid for travel together.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>The folder under which each job's outputs are written, one folder per job. Default <c>jobs</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Api:ResultsDirectory must name a folder.")]
    public string ResultsDirectory { get; set; } = "jobs";

    /// <summary>How long a finished job and its results stay downloadable, in hours. Default 168 (a week). Range 1–8760.</summary>
    [Range(1, 8760, ErrorMessage = "Api:RetentionHours must be between 1 and 8760.")]
    public int RetentionHours { get; set; } = 168;

    /// <summary>How long an <c>Idempotency-Key</c> is remembered, in hours. Default 24. Range 1–168.</summary>
    [Range(1, 168, ErrorMessage = "Api:IdempotencyHours must be between 1 and 168.")]
    public int IdempotencyHours { get; set; } = 24;

    /// <summary>The most articles one job may hold. Default 1,000. Range 1–100,000.</summary>
    [Range(1, 100_000, ErrorMessage = "Api:MaxArticlesPerJob must be between 1 and 100000.")]
    public int MaxArticlesPerJob { get; set; } = 1_000;

    /// <summary>How many jobs run at once in one process. Default 1 (a job already batches its paragraphs). Range 1–16.</summary>
    [Range(1, 16, ErrorMessage = "Api:ConcurrentJobs must be between 1 and 16.")]
    public int ConcurrentJobs { get; set; } = 1;
}

/// <summary>Checks <see cref="JobOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class JobOptionsValidator : IValidateOptions<JobOptions>
{
}
