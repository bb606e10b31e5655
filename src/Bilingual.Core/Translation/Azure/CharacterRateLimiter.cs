namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// Spreads characters over the service's per-minute window so that a large job never earns throttling: a
/// token bucket on characters, driven by <see cref="TimeProvider"/> so that tests can run it on a fake clock.
/// </summary>
/// <remarks>
/// Reservations are taken in arrival order and may drive the bucket below zero; a caller then waits until
/// the refill has paid its debt (the generic cell-rate algorithm). A window of length <c>W</c> that opens with a
/// request of the largest size <c>L</c> can hold that request plus <c>rate × W</c> more, so the rate is set to
/// <c>(allowance − L) / (W + 0.5 s)</c>: whatever sliding window the service measures, it sees no more than its
/// allowance even when a request leaves up to half a second late or arrives early (timer resolution, thread-pool
/// delays, network jitter; 50–70 ms were measured on a loaded two-core machine). The burst is one request of
/// size <c>L</c>, so a small job goes out at once; keeping <c>L</c> a small share of the allowance (see
/// <see cref="AzureTranslatorOptions.MaxCharactersPerRequest"/>) keeps the throughput near the allowance.
/// </remarks>
internal sealed class CharacterRateLimiter
{
    // How late or early a request may reach the service relative to our schedule.
    private static readonly TimeSpan JitterAllowance = TimeSpan.FromSeconds(0.5);

    private readonly TimeProvider timeProvider;
    private readonly Lock sync = new();
    private readonly double burst;
    private readonly double charactersPerTick;
    private double tokens;
    private long updated;

    /// <summary>Creates a limiter allowing <paramref name="charactersPerWindow"/> per <paramref name="window"/>; 0 disables it.</summary>
    /// <param name="charactersPerWindow">The service's allowance per window; 0 for no shaping.</param>
    /// <param name="window">The window, one minute for Azure.</param>
    /// <param name="largestRequest">The most characters one request may carry: the burst, and the margin kept below the allowance.</param>
    /// <param name="timeProvider">The clock.</param>
    public CharacterRateLimiter(int charactersPerWindow, TimeSpan window, int largestRequest, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(charactersPerWindow);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.timeProvider = timeProvider;
        IsEnabled = charactersPerWindow > 0;
        burst = largestRequest;
        var rate = Math.Max(charactersPerWindow - largestRequest, 1) / (window + JitterAllowance).TotalSeconds;
        charactersPerTick = rate / timeProvider.TimestampFrequency;
        tokens = burst;
        updated = timeProvider.GetTimestamp();
    }

    /// <summary>False when shaping is off.</summary>
    public bool IsEnabled { get; }

    /// <summary>Waits until <paramref name="characters"/> may be sent, then takes them.</summary>
    public async ValueTask AcquireAsync(int characters, CancellationToken cancellationToken)
    {
        if (!IsEnabled || characters <= 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var wait = Reserve(characters);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Give back what was not used, so a cancelled request does not slow the others.
            lock (sync)
            {
                tokens = Math.Min(burst, tokens + characters);
            }

            throw;
        }
    }

    // Takes the characters now (possibly into debt) and says how long until the debt is paid.
    private TimeSpan Reserve(int characters)
    {
        lock (sync)
        {
            var now = timeProvider.GetTimestamp();
            tokens = Math.Min(burst, tokens + ((now - updated) * charactersPerTick));
            updated = now;
            tokens -= characters;
            return tokens >= 0
                ? TimeSpan.Zero
                : TimeSpan.FromSeconds(-tokens / charactersPerTick / timeProvider.TimestampFrequency);
        }
    }
}
