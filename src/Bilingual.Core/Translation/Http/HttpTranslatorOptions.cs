using System.ComponentModel.DataAnnotations;

// IL2026: RangeAttribute(Type, string, string) converts its bounds through reflection. Nothing reflects over
// these attributes: the options are validated by their generated validator, which reads the bounds at build
// time and checks them with a strongly typed copy of the attribute.
#pragma warning disable IL2026

namespace Bilingual.Core.Translation.Http;

/// <summary>
/// The resilience settings every HTTP backend (DeepL, LibreTranslate, LLM) shares: one attempt timeout, one total
/// timeout and one retry budget for 408, 429, 500, 502, 503, 504 and network errors.
/// </summary>
public abstract class HttpTranslatorOptions
{
    /// <summary>How long one attempt may take. Default 60 seconds. Range 1 second to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take, retries and their delays included. Default 5 minutes. Range 1 second to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt for 408, 429, 500, 502, 503, 504 and network errors. Default 5. Range 0–20.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>
    /// The first back-off after a throttled, server or network error without <c>Retry-After</c>, doubled per retry
    /// with jitter. Default 1 second. Range 1 millisecond to 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait between attempts, including a <c>Retry-After</c> the service asks for. Default
    /// 1 minute. Range 1 millisecond to 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether <paramref name="endpoint"/> is an absolute https URL, or any http URL on the loopback interface.</summary>
    internal static bool IsValidEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
