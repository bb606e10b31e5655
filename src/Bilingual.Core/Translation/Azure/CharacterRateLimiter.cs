namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// Spreads characters over the service's per-minute window so that a large job never earns throttling: a
/// token bucket on characters, driven by <see cref="TimeProvider"/> so that tests can run it on a fake clock.
/// </summary>
/// <remarks>
/// Reservations are taken in arrival order and may drive the bucket below zero; a caller then waits until
/// the refill has paid its debt (the generic cell-rate algorithm). In any window of length <c>W</c> the
/// characters released are at most the burst plus <c>rate × W</c>, so the rate is set to
/// <c>(0.99 × allowance − burst) / W</c>: whatever sliding window the service measures, it sees at most 99 %
/// of its allowance, the last percent absorbing network jitter between our clock and its.
/// </remarks>
internal sealed class CharacterRateLimiter
{
    private readonly TimeProvider timeProvider;
    private readonly Lock sync = new();
    private readonly double burst;
    private readonly double charactersPerTick;
    private double tokens;
    private long updated;

    /// <summary>Creates a limiter allowing <paramref name="charactersPerWindow"/> per <paramref name="window"/>; 0 disables it.</summary>
    /// <param name="charactersPerWindow">The service's allowance per window; 0 for no shaping.</param>
    /// <param name="window">The window, one minute for Azure.</param>
    /// <param name="largestRequest">The most characters one request may carry; caps the burst.</param>
    /// <param name="timeProvider">The clock.</param>
    public CharacterRateLimiter(int charactersPerWindow, TimeSpan window, int largestRequest, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(charactersPerWindow);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.timeProvider = timeProvider;
        IsEnabled = charactersPerWindow > 0;
        // A burst of one request (a tenth of the allowance at most) lets a small job go out at once without
        // costing a large job more than a few percent of its throughput.
        burst = Math.Min(largestRequest, charactersPerWindow / 10.0);
        var rate = Math.Max((0.99 * charactersPerWindow) - burst, 1) / window.TotalSeconds;
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
