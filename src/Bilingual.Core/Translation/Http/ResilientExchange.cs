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
}
