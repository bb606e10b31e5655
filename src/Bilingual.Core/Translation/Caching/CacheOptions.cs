using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Caching;

/// <summary>Where translations are remembered. Section <c>Cache</c>.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cache";

    /// <summary>
    /// The SQLite file that keeps every translation across runs; relative paths are resolved against the
    /// working directory. Default <c>cache/translations.db</c>. Its folder is created when missing.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Cache:Path must name the SQLite file that keeps translations.")]
    public string Path { get; set; } = "cache/translations.db";

    /// <summary>
    /// How many translations the in-process memory layer keeps before it evicts, in entries.
    /// Default 10,000; range 1 to 10,000,000.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MemoryEntryLimit { get; set; } = 10_000;

    /// <summary>How long a write waits for another process holding the SQLite file, in seconds. Default 30; range 1 to 600.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long a process's claim on a paragraph it is translating holds, in seconds, renewed each time one of its
    /// requests is sent. Another process on the same file waits for that translation instead of paying for it again,
    /// and takes the paragraph over once the lease has run out (its owner died: a process restarted after a crash waits
    /// at most this long for what it had in flight). Default 120 (above the 30 s attempt timeout and a few retries);
    /// range 10 to 86,400.
    /// </summary>
    [Range(10, 86_400)]
    public int ClaimLeaseSeconds { get; set; } = 120;
}

/// <summary>Checks <see cref="CacheOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
}
