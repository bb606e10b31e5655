using System.ComponentModel.DataAnnotations;

// IL2026: RangeAttribute(Type, string, string) converts its bounds through reflection. Nothing reflects over
// these attributes: the options are validated by their generated validator, which reads the bounds at build
// time and checks them with a strongly typed copy of the attribute.
#pragma warning disable IL2026

namespace Bilingual.Core.Translation.Http;

/// <summary>
/// The resilience settings every remote backend (Azure, DeepL, LibreTranslate, LLM) shares: one attempt timeout,
/// one total timeout and one retry budget for 408, 429, 500, 502, 503, 504 and network errors. The defaults are
/// those of DeepL, LibreTranslate and LLM; Azure sets its own through the protected constructor.
/// </summary>
public abstract class HttpTranslatorOptions
{
    /// <summary>Settings with the defaults of DeepL, LibreTranslate and LLM: 60 s, 5 min, 5 retries, 1 s, 1 min.</summary>
    protected HttpTranslatorOptions()
        : this(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5), 5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1))
    {
    }

    /// <summary>Settings with a backend's own defaults.</summary>
    /// <param name="attemptTimeout">The default of <see cref="AttemptTimeout"/>.</param>
    /// <param name="totalTimeout">The default of <see cref="TotalTimeout"/>.</param>
    /// <param name="maxRetries">The default of <see cref="MaxRetries"/>.</param>
    /// <param name="retryDelay">The default of <see cref="RetryDelay"/>.</param>
    /// <param name="maxRetryDelay">The default of <see cref="MaxRetryDelay"/>.</param>
    protected HttpTranslatorOptions(TimeSpan attemptTimeout, TimeSpan totalTimeout, int maxRetries, TimeSpan retryDelay, TimeSpan maxRetryDelay)
    {
        AttemptTimeout = attemptTimeout;
        TotalTimeout = totalTimeout;
        MaxRetries = maxRetries;
        RetryDelay = retryDelay;
        MaxRetryDelay = maxRetryDelay;
    }

    /// <summary>
    /// How long one attempt may take, the whole response body included. Default 60 seconds; Azure 30 seconds, twice
    /// the 15 seconds the service documents as its worst case for a full request. Range 1 second to 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; }

    /// <summary>How long one request may take, retries and their delays included. Default 5 minutes. Range 1 second to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; }

    /// <summary>Retries after the first attempt for 408, 429, 500, 502, 503, 504 and network errors. Default 5; Azure 6. Range 0–20.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; }

    /// <summary>
    /// The first back-off after a server or network error (and, except for Azure, a 429) without <c>Retry-After</c>,
    /// doubled per retry with jitter. Default 1 second; Azure 2 seconds. Range 1 millisecond to 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; }

    /// <summary>
    /// The longest single wait between attempts, including a <c>Retry-After</c> the service asks for. Default
    /// 1 minute; Azure 2 minutes. Range 1 millisecond to 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; }

    /// <summary>Whether <paramref name="endpoint"/> is an absolute https URL, or any http URL on the loopback interface.</summary>
    internal static bool IsValidEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
