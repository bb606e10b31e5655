using System.Net;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// The one resilience layer of the Azure call path, as an <see cref="HttpClient"/> handler: a total timeout,
/// retries with exponential back-off and jitter (honouring <c>Retry-After</c>), a circuit breaker, then for each
/// attempt the character rate limiter and a per-attempt timeout. The pipeline and the limiter are singletons,
/// so the breaker and the bucket are shared by every request of the process.
/// </summary>
internal sealed partial class AzureResilienceHandler(AzureResilience resilience) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        resilience.SendAsync(request, base.SendAsync, cancellationToken);
}

/// <summary>The shared state behind <see cref="AzureResilienceHandler"/>.</summary>
internal sealed partial class AzureResilience
{
    /// <summary>Characters a request carries, set by the client so the limiter can charge them.</summary>
    public static readonly HttpRequestOptionsKey<int> Characters = new("Bilingual.Azure.Characters");

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly ResiliencePipeline attempt;
    private readonly CharacterRateLimiter limiter;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<AzureResilience> logger;
    private readonly AzureTranslatorOptions options;

    /// <summary>Builds the pipeline from the options.</summary>
    public AzureResilience(
        IOptions<AzureTranslatorOptions> options, CharacterRateLimiter limiter, TimeProvider timeProvider, ILogger<AzureResilience> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.limiter = limiter;
        this.timeProvider = timeProvider;
        this.logger = logger;

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider, Name = "azure-translator" }
            .AddTimeout(this.options.TotalTimeout);
        if (this.options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = this.options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = this.options.RetryDelay,
                MaxDelay = this.options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(ServiceDelay(args.Outcome, args.AttemptNumber)),
                OnRetry = args =>
                {
                    LogRetry(ClientTraceId(args.Context), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Describe(args.Outcome));
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // Throttling is the service working as designed, not a failure: only errors open the circuit.
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                FailureRatio = 0.8,
                MinimumThroughput = 20,
                SamplingDuration = this.options.RateWindow,
                BreakDuration = this.options.BreakDuration,
            })
            .Build();
        attempt = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "azure-translator-attempt" }
            .AddTimeout(this.options.AttemptTimeout)
            .Build();
    }

    /// <summary>Sends <paramref name="request"/> through the pipeline with <paramref name="send"/> as the last step.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TraceKey, request.Headers.TryGetValues(TextTranslationClient.ClientTraceIdHeader, out var ids) ? ids.FirstOrDefault() : null);
        return await ResilientExchange.SendAsync(pipeline, context, token => SendAttemptAsync(request, send, token));
    }

    private static readonly ResiliencePropertyKey<string?> TraceKey = new("Bilingual.Azure.ClientTraceId");

    private async Task<HttpResponseMessage> SendAttemptAsync(
        HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        // The rate limiter waits before the attempt timeout starts: waiting our turn is not the service being slow.
        await limiter.AcquireAsync(request.Options.TryGetValue(Characters, out var characters) ? characters : 0, cancellationToken);
        return await ResilientExchange.AttemptAsync(attempt, request, send, cancellationToken);
    }

    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: BrokenCircuitException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        _ => IsFailure(outcome),
    };

    // 408 (a custom system warming up, or a stalled upload), 5xx gateway and service errors, timeouts and network
    // failures. Never 400, 401 or 403: repeating them cannot help.
    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    /// <summary>
    /// The wait the service asks for: its <c>Retry-After</c> (capped), else for a 429 a share of the service's
    /// per-minute window, doubled per retry (a 2-second back-off would only meet the same full window again);
    /// null to use the exponential back-off.
    /// </summary>
    private TimeSpan? ServiceDelay(Outcome<HttpResponseMessage> outcome, int attemptNumber)
    {
        if (outcome.Exception is BrokenCircuitException broken)
        {
            return Cap(broken.RetryAfter ?? options.BreakDuration);
        }

        if (outcome.Result is not { } response)
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var delay = retryAfter.Delta ?? (retryAfter.Date - timeProvider.GetUtcNow()) ?? TimeSpan.Zero;
            return Cap(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var share = options.RateWindow / 3 * Math.Pow(2, Math.Min(attemptNumber, 10));
            return Cap(share * (0.8 + (0.4 * Random.Shared.NextDouble())));
        }

        return null;
    }

    private TimeSpan Cap(TimeSpan delay) => delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;

    private static string? ClientTraceId(ResilienceContext context) =>
        context.Properties.TryGetValue(TraceKey, out var id) ? id : null;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Azure Translator request {ClientTraceId}: {Reason}; attempt {Attempt} in {DelayMs:0} ms")]
    private partial void LogRetry(string? clientTraceId, int attempt, double delayMs, string reason);
}
