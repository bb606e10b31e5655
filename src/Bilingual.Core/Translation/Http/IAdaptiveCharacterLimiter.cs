namespace Bilingual.Core.Translation.Http;

/// <summary>
/// A rate limiter on characters that learns from throttling: each attempt waits its turn, and a 429 without
/// <c>Retry-After</c> (the service saying "too much", not "come back then") lowers the rate and the largest request.
/// </summary>
internal interface IAdaptiveCharacterLimiter
{
    /// <summary>
    /// Waits until <paramref name="characters"/> may be sent, then takes them.
    /// </summary>
    /// <returns>The rate regime the characters were granted under, to hand back to <see cref="Throttled"/>.</returns>
    /// <exception cref="TranslationException">
    /// With <see cref="TranslationException.RequestTooLarge"/>: the rate was lowered while the request waited and it is
    /// now larger than a request may be; it was not sent.
    /// </exception>
    ValueTask<int> WaitTurnAsync(int characters, CancellationToken cancellationToken);

    /// <summary>
    /// Records a 429 without <c>Retry-After</c> for a request of <paramref name="characters"/> granted under
    /// <paramref name="regime"/>, lowering the rate unless an earlier 429 already did since that grant.
    /// </summary>
    /// <returns>True when the request is now larger than a request may be, so it must be split rather than retried.</returns>
    bool Throttled(int characters, int regime);

    /// <summary>The most characters one request may carry now.</summary>
    int MaxRequestCharacters { get; }
}
