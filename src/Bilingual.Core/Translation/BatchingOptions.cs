using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation;

/// <summary>How the translation service sends its cache misses to the backend. Section <c>Translation:Batching</c>.</summary>
public sealed class BatchingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Translation:Batching";

    /// <summary>
    /// Backend requests in flight at once. Default 4, range 1–64. The backend's own rate shaping still applies,
    /// so more concurrency only hides latency; it does not buy more throughput than the backend's quota.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; set; } = 4;
}

/// <summary>Checks <see cref="BatchingOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class BatchingOptionsValidator : IValidateOptions<BatchingOptions>
{
}
