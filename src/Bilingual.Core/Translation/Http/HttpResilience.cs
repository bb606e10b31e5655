using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bilingual.Core.Translation.Http;

/// <summary>
/// The one resilience layer of an HTTP backend's call path, as an <see cref="HttpClient"/> handler: a total
/// timeout, retries with exponential back-off and jitter that honour <c>Retry-After</c>, and a per-attempt
/// timeout, all on the injected <see cref="TimeProvider"/>. Attempts and 429s are recorded on the
/// <see cref="TranslationMeter"/> of the call.
/// </summary>
internal sealed class HttpResilienceHandler(HttpResilience resilience) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        resilience.SendAsync(request, base.SendAsync, cancellationToken);
}

/// <summary>The pipeline behind <see cref="HttpResilienceHandler"/>, one per backend.</summary>
internal sealed partial class HttpResilience
{
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly ResiliencePipeline attempt;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly HttpTranslatorOptions options;
    private readonly string service;

    /// <summary>Builds the pipeline.</summary>
    /// <param name="service">The service's display name, for logs (<c>DeepL</c>).</param>
    /// <param name="options">The backend's resilience settings.</param>
    /// <param name="timeProvider">The clock of every delay and timeout.</param>
    /// <param name="logger">Where retries are logged.</param>
    public HttpResilience(string service, HttpTranslatorOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.service = service;
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;

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
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome)),
                OnRetry = args =>
                {
                    LogRetry(this.service, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        pipeline = builder.Build();
        attempt = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = service + "-attempt" }
            .AddTimeout(options.AttemptTimeout)
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
        return await ResilientExchange.SendAsync(pipeline, context, token => ResilientExchange.AttemptAsync(attempt, request, send, token));
    }

    // Throttling, timeouts, gateway and service errors, network failures. Never another 4xx: DeepL's 456 (quota
    // exceeded), a 401/403 or a 400 cannot get better by repeating them.
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    /// <summary>The service's <c>Retry-After</c>, capped at <see cref="HttpTranslatorOptions.MaxRetryDelay"/>; null for the back-off.</summary>
    private TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var delay = retryAfter.Delta ?? (retryAfter.Date - timeProvider.GetUtcNow()) ?? TimeSpan.Zero;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} request: {Reason}; attempt {Attempt} in {DelayMs:0} ms")]
    private partial void LogRetry(string service, string reason, int attempt, double delayMs);
}
