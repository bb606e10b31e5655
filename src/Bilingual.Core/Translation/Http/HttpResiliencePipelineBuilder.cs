using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Bilingual.Core.Translation.Http;

/// <summary>
/// Builds the one Polly v8 pipeline of a remote backend's call path. Outermost first: the total timeout; retries with
/// exponential back-off and jitter that honour <c>Retry-After</c> up to <see cref="HttpTranslatorOptions.MaxRetryDelay"/>;
/// the strategies a backend switches on (<see cref="AddCircuitBreaker"/>, <see cref="AddCharacterRateLimiter"/>);
/// and the per-attempt timeout. Every delay and timeout runs on the injected <see cref="TimeProvider"/>.
/// </summary>
/// <param name="service">The service's display name, for logs and messages (<c>DeepL</c>).</param>
/// <param name="options">The backend's retry and timeout settings.</param>
/// <param name="timeProvider">The clock of every delay and timeout.</param>
/// <param name="logger">Where retries are logged.</param>
internal sealed partial class HttpResiliencePipelineBuilder(
    string service, HttpTranslatorOptions options, TimeProvider timeProvider, ILogger logger)
{
    private (TimeSpan Sampling, TimeSpan Break)? _circuitBreaker;
    private IAdaptiveCharacterLimiter? _characterLimiter;
    private TimeSpan? _throttleWindow;
    private string? _traceHeader;

    /// <summary>
    /// Adds a circuit breaker inside the retries: it opens when at least 80 % of at least 20 attempts within
    /// <paramref name="samplingDuration"/> failed (408, 5xx, timeouts, network errors; a 429 is the service working as
    /// designed and does not count) and stays open for <paramref name="breakDuration"/>, which a retry then waits out.
    /// </summary>
    public HttpResiliencePipelineBuilder AddCircuitBreaker(TimeSpan samplingDuration, TimeSpan breakDuration)
    {
        _circuitBreaker = (samplingDuration, breakDuration);
        return this;
    }

    /// <summary>
    /// Adds a rate limiter on characters before each attempt: <paramref name="limiter"/> is awaited with the
    /// <see cref="HttpResilience.Characters"/> the request carries. It waits before the attempt timeout starts:
    /// waiting our turn is not the service being slow. A 429 without <c>Retry-After</c> is reported to it, and a
    /// request it then finds too large is not retried but handed back to be split
    /// (<see cref="TranslationException.RequestTooLarge"/>).
    /// </summary>
    public HttpResiliencePipelineBuilder AddCharacterRateLimiter(IAdaptiveCharacterLimiter limiter)
    {
        _characterLimiter = limiter;
        return this;
    }

    /// <summary>
    /// Backs off after a 429 without <c>Retry-After</c> on the scale of the service's rate window: a third of
    /// <paramref name="window"/> ± 20 %, doubled per retry, instead of the exponential back-off from
    /// <see cref="HttpTranslatorOptions.RetryDelay"/> (a 2-second back-off would only meet the same full window again).
    /// </summary>
    public HttpResiliencePipelineBuilder BackOffThrottlingOver(TimeSpan window)
    {
        _throttleWindow = window;
        return this;
    }

    /// <summary>Names each request in the retry logs by the value of its <paramref name="header"/> (Azure's <c>X-ClientTraceId</c>).</summary>
    public HttpResiliencePipelineBuilder LogRequestsBy(string header)
    {
        _traceHeader = header;
        return this;
    }

    /// <summary>Builds the pipeline.</summary>
    public HttpResilience Build()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider, Name = service }
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome) && !CutForRate(args.Context, args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(ServiceDelay(args.Outcome, args.AttemptNumber)),
                OnRetry = args =>
                {
                    LogRetry(args.Context, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        if (_circuitBreaker is { } breaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                FailureRatio = 0.8,
                MinimumThroughput = 20,
                SamplingDuration = breaker.Sampling,
                BreakDuration = breaker.Break,
            });
        }

        if (_characterLimiter is { } limiter)
        {
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "characters",
                RateLimiter = async args =>
                {
                    var regime = await limiter.WaitTurnAsync(
                        args.Context.Properties.GetValue(HttpResilience.CharactersKey, 0), args.Context.CancellationToken);
                    args.Context.Properties.Set(RegimeKey, regime);
                    return GrantedLease.Instance;
                },
            });
        }

        return new HttpResilience(builder.AddTimeout(options.AttemptTimeout).Build(), _traceHeader, options.TotalTimeout);
    }

    private static readonly ResiliencePropertyKey<int> RegimeKey = new("Bilingual.Http.RateRegime");

    // A 429 without Retry-After says the allowance is smaller than the limiter thought: it lowers its rate, and a
    // request now larger than a request may be is not retried as it is (it would meet the same refusal) but split.
    private bool CutForRate(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (_characterLimiter is not { } limiter
            || outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response
            || response.Headers.RetryAfter is not null)
        {
            return false;
        }

        var characters = context.Properties.GetValue(HttpResilience.CharactersKey, 0);
        if (!limiter.Throttled(characters, context.Properties.GetValue(RegimeKey, 0)))
        {
            return false;
        }

        if (response.RequestMessage?.Options.TryGetValue(HttpResilience.TallyKey, out var tally) == true)
        {
            tally.CutTo = limiter.MaxRequestCharacters;
        }

        return true;
    }

    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: BrokenCircuitException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        _ => IsFailure(outcome),
    };

    // 408 (a custom system warming up, or a stalled upload), 5xx gateway and service errors, timeouts and network
    // failures. Never another 4xx: DeepL's 456 (quota exceeded), a 401/403 or a 400 cannot get better by repeating them.
    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    /// <summary>
    /// The wait the service asks for: the open circuit's remaining break, its <c>Retry-After</c>, or with
    /// <see cref="BackOffThrottlingOver"/> a 429's share of the rate window, each capped at
    /// <see cref="HttpTranslatorOptions.MaxRetryDelay"/>; null to use the exponential back-off.
    /// </summary>
    private TimeSpan? ServiceDelay(Outcome<HttpResponseMessage> outcome, int attemptNumber)
    {
        if (outcome.Exception is BrokenCircuitException broken)
        {
            return Cap(broken.RetryAfter ?? _circuitBreaker?.Break ?? TimeSpan.Zero);
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

        if (response.StatusCode == HttpStatusCode.TooManyRequests && _throttleWindow is { } window)
        {
            var share = window / 3 * Math.Pow(2, Math.Min(attemptNumber, 10));
            return Cap(share * (0.8 + (0.4 * Random.Shared.NextDouble())));
        }

        return null;
    }

    private TimeSpan Cap(TimeSpan delay) => delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;

    private static string Describe(Outcome<HttpResponseMessage> outcome) => HttpResilience.Describe(outcome.Exception, outcome.Result);

    private void LogRetry(ResilienceContext context, string reason, int attempt, double delayMs)
    {
        if (_traceHeader is null)
        {
            LogRetry(service, reason, attempt, delayMs);
        }
        else
        {
            LogRetry(service, context.Properties.GetValue(HttpResilience.TraceIdKey, null), reason, attempt, delayMs);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} request: {Reason}; attempt {Attempt} in {DelayMs:0} ms")]
    private partial void LogRetry(string service, string reason, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} request {ClientTraceId}: {Reason}; attempt {Attempt} in {DelayMs:0} ms")]
    private partial void LogRetry(string service, string? clientTraceId, string reason, int attempt, double delayMs);

    // The character limiter waits until the characters may be sent, so once it returns the permit is always granted.
    private sealed class GrantedLease : RateLimitLease
    {
        public static readonly GrantedLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
