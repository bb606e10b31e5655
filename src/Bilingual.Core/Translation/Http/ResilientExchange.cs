using System.Net;
using Polly;

namespace Bilingual.Core.Translation.Http;

/// <summary>Runs one HTTP exchange through a resilience pipeline, the same way for every backend.</summary>
internal static class ResilientExchange
{
    /// <summary>
    /// Runs <paramref name="attempt"/> through <paramref name="pipeline"/> with <paramref name="context"/>, which
    /// the caller took from <see cref="ResilienceContextPool"/> (and may have given properties); returns it to the pool.
    /// Exceptions of an attempt become outcomes, so the retry strategy sees them, unless the caller cancelled.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline,
        ResilienceContext context,
        Func<CancellationToken, Task<HttpResponseMessage>> attempt)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (context, attempt) =>
                {
                    try
                    {
                        return Outcome.FromResult(await attempt(context.CancellationToken));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                attempt);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt: sends <paramref name="request"/> through <paramref name="attemptPipeline"/> (the per-attempt
    /// timeout), reading the whole body inside it, so a response that stalls half-way also times out and is
    /// retried; counts the attempt, and a 429, on the current <see cref="TranslationMeter"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> AttemptAsync(
        ResiliencePipeline attemptPipeline,
        HttpRequestMessage request,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attemptPipeline);
        TranslationMeter.Current?.RecordAttempt();
        var response = await attemptPipeline.ExecuteAsync(
            static async (state, token) =>
            {
                var response = await state.send(state.request, token);
                await response.Content.LoadIntoBufferAsync(token);
                return response;
            },
            (request, send),
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            TranslationMeter.Current?.RecordThrottled();
        }

        return response;
    }
}
