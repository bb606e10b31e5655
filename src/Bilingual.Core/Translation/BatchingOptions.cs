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

    /// <summary>
    /// After this many requests in a row failed (each after its own retries), the backend is taken to be down: failed
    /// batches are no longer split and sent again, and batches not yet sent fail at once with the last reason, so an
    /// outage ends the run instead of retrying every paragraph on its own. Default 8, range 1–1,000. Below it, a batch
    /// that fails for a reason a retry could cure (timeouts, refused or reset connections, 408, 429, 5xx) is split in
    /// two and each half sent again, down to single paragraphs, so one bad request never fails the paragraphs it
    /// happened to share with others.
    /// </summary>
    [Range(1, 1000)]
    public int MaxConsecutiveFailures { get; set; } = 8;
}

/// <summary>Checks <see cref="BatchingOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class BatchingOptionsValidator : IValidateOptions<BatchingOptions>
{
}
