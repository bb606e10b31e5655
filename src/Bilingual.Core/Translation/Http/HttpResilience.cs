using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace Bilingual.Core.Translation.Http;

/// <summary>
/// The one resilience layer of a remote backend's call path, as an <see cref="HttpClient"/> handler: every request
/// goes through the backend's <see cref="HttpResilience"/> pipeline.
/// </summary>
internal sealed class HttpResilienceHandler(HttpResilience resilience) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        resilience.SendAsync(request, base.SendAsync, cancellationToken);
}

/// <summary>
/// A backend's resilience pipeline, built by <see cref="HttpResiliencePipelineBuilder"/>, and how one HTTP exchange
/// runs through it. One per backend and process, so a circuit breaker or rate limiter in it is shared by every request.
/// </summary>
internal sealed class HttpResilience
{
    /// <summary>Characters a request carries, set by a client so that a character rate limiter can charge them.</summary>
    public static readonly HttpRequestOptionsKey<int> Characters = new("Bilingual.Http.Characters");

    /// <summary>
    /// The part of <see cref="Characters"/> that is markup the backend added (Azure's dynamic dictionary), set by a
    /// client so that the call's meter can report it apart.
    /// </summary>
    public static readonly HttpRequestOptionsKey<int> MarkupCharacters = new("Bilingual.Http.MarkupCharacters");

    /// <summary>The request's <see cref="Characters"/>, for the strategies of the pipeline.</summary>
    internal static readonly ResiliencePropertyKey<int> CharactersKey = new("Bilingual.Http.Characters");

    /// <summary>The request's trace id (the header named by <see cref="HttpResiliencePipelineBuilder.LogRequestsBy"/>), for logs.</summary>
    internal static readonly ResiliencePropertyKey<string?> TraceIdKey = new("Bilingual.Http.TraceId");

    /// <summary>What the attempts of a request met, for the message when it finally fails.</summary>
    internal static readonly HttpRequestOptionsKey<RequestTally> TallyKey = new("Bilingual.Http.Tally");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly string? _traceHeader;
    private readonly TimeSpan _totalTimeout;

    /// <summary>
    /// Wraps <paramref name="pipeline"/>; <paramref name="traceHeader"/> names the request header that identifies a
    /// request in logs, and <paramref name="totalTimeout"/> is the pipeline's outer timeout, to tell it from an attempt's.
    /// </summary>
    internal HttpResilience(ResiliencePipeline<HttpResponseMessage> pipeline, string? traceHeader, TimeSpan totalTimeout)
    {
        _pipeline = pipeline;
        _traceHeader = traceHeader;
        _totalTimeout = totalTimeout;
    }

    /// <summary>
    /// Says what went wrong in a few words: the connection refused, reset or closed early, the host not found, the
    /// attempt timed out, or the HTTP status with the <c>Retry-After</c> a 429 or 503 came with (or without).
    /// </summary>
    internal static string Describe(Exception? exception, HttpResponseMessage? response) => exception switch
    {
        TimeoutRejectedException timeout => string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.Timeout.TotalSeconds:0.###} s"),
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused",
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } } => "connection reset",
        HttpRequestException { InnerException: IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } } } => "connection reset",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host name not found",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed before the response was complete",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } request => $"connection failed ({request.Message})",
        HttpRequestException request => request.Message,
        { } other => other.GetType().Name,
        null when response is not null => DescribeStatus(response),
        null => "no outcome",
    };

    /// <summary>The status, and for a 429 or 503 whether it came with a <c>Retry-After</c> and how long.</summary>
    internal static string DescribeStatus(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (status is not (429 or 503))
        {
            return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => string.Create(CultureInfo.InvariantCulture, $"HTTP {status} with Retry-After {delta.TotalSeconds:0} s"),
            { Date: { } date } => string.Create(CultureInfo.InvariantCulture, $"HTTP {status} with Retry-After {date:R}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"HTTP {status} without Retry-After"),
        };
    }

    /// <summary>Sends <paramref name="request"/> through the pipeline with <paramref name="send"/> as each attempt's last step.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            if (request.Options.TryGetValue(Characters, out var characters))
            {
                context.Properties.Set(CharactersKey, characters);
            }

            if (_traceHeader is not null && request.Headers.TryGetValues(_traceHeader, out var ids))
            {
                context.Properties.Set(TraceIdKey, ids.FirstOrDefault());
            }

            request.Options.TryGetValue(MarkupCharacters, out var markup);
            var tally = new RequestTally(characters, markup, _totalTimeout);
            request.Options.Set(TallyKey, tally);
            return await _pipeline.ExecuteAsync(
                static (context, state) => AttemptAsync(state.request, state.send, state.tally, context.CancellationToken),
                context,
                (request, send, tally));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One attempt, inside the attempt timeout: the whole body is read there, so a response that stalls half-way also
    // times out and is retried. The attempt, and a 429, are counted on the call's meter; the request and its characters
    // once, at its first attempt, so that a request the rate limiter or an open circuit kept back counts for nothing.
    private static async ValueTask<HttpResponseMessage> AttemptAsync(
        HttpRequestMessage request,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        RequestTally tally,
        CancellationToken cancellationToken)
    {
        var meter = TranslationMeter.Current;
        if (!tally.Sent)
        {
            tally.Sent = true;
            meter?.RecordRequest(tally.Characters, tally.Markup);
        }

        meter?.RecordAttempt();
        tally.Attempts++;
        HttpResponseMessage response;
        try
        {
            response = await send(request, cancellationToken);
        }
        catch (Exception ex)
        {
            tally.LastFailure = Describe(ex, null);
            throw;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            tally.LastFailure = Describe(ex, null);
            response.Dispose();
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            tally.LastFailure = DescribeStatus(response);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            meter?.RecordThrottled();
        }

        return response;
    }

    /// <summary>One request's attempts; they run one after another, so nothing here needs a lock.</summary>
    internal sealed class RequestTally(int characters, int markup, TimeSpan totalTimeout)
    {
        public int Characters { get; } = characters;

        public int Markup { get; } = markup;

        /// <summary>The pipeline's outer timeout: a <see cref="TimeoutRejectedException"/> with it gave up on the whole request.</summary>
        public TimeSpan TotalTimeout { get; } = totalTimeout;

        public bool Sent { get; set; }

        /// <summary>Attempts made, the one the attempt timeout cut short included.</summary>
        public int Attempts { get; set; }

        /// <summary>What the last failed attempt met, in <see cref="Describe"/>'s words; null when none failed.</summary>
        public string? LastFailure { get; set; }

        /// <summary>Set when a 429 lowered the rate below this request's size: requests are now cut to this many characters.</summary>
        public int? CutTo { get; set; }
    }
}
