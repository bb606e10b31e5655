using System.Net;
using Polly;

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

    /// <summary>The request's <see cref="Characters"/>, for the strategies of the pipeline.</summary>
    internal static readonly ResiliencePropertyKey<int> CharactersKey = new("Bilingual.Http.Characters");

    /// <summary>The request's trace id (the header named by <see cref="HttpResiliencePipelineBuilder.LogRequestsBy"/>), for logs.</summary>
    internal static readonly ResiliencePropertyKey<string?> TraceIdKey = new("Bilingual.Http.TraceId");

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly string? traceHeader;

    /// <summary>Wraps <paramref name="pipeline"/>; <paramref name="traceHeader"/> names the request header that identifies a request in logs.</summary>
    internal HttpResilience(ResiliencePipeline<HttpResponseMessage> pipeline, string? traceHeader)
    {
        this.pipeline = pipeline;
        this.traceHeader = traceHeader;
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

            if (traceHeader is not null && request.Headers.TryGetValues(traceHeader, out var ids))
            {
                context.Properties.Set(TraceIdKey, ids.FirstOrDefault());
            }

            return await pipeline.ExecuteAsync(
                static (context, state) => AttemptAsync(state.request, state.send, context.CancellationToken),
                context,
                (request, send));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One attempt, inside the attempt timeout: the whole body is read there, so a response that stalls half-way also
    // times out and is retried. The attempt, and a 429, are counted on the call's meter.
    private static async ValueTask<HttpResponseMessage> AttemptAsync(
        HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        TranslationMeter.Current?.RecordAttempt();
        var response = await send(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            TranslationMeter.Current?.RecordThrottled();
        }

        return response;
    }
}
