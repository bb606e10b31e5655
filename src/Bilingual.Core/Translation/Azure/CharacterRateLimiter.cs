using System.Globalization;
using Bilingual.Core.Translation.Http;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// Spreads characters over the service's per-minute window so that a large job never earns throttling: a
/// token bucket on characters, driven by <see cref="TimeProvider"/> so that tests can run it on a fake clock. When the
/// service throttles anyway (a 429 without <c>Retry-After</c>: the allowance is smaller than configured), it halves
/// its estimate of the allowance, and with it the rate and the largest request, until the requests fit.
/// </summary>
/// <remarks>
/// Reservations are taken in arrival order and may drive the bucket below zero; a caller then waits until
/// the refill has paid its debt (the generic cell-rate algorithm). A window of length <c>W</c> that opens with a
/// request of the largest size <c>L</c> can hold that request plus <c>rate × W</c> more, so the rate is set to
/// <c>(allowance − L) / (W + 0.5 s)</c>: whatever sliding window the service measures, it sees no more than its
/// allowance even when a request leaves up to half a second late or arrives early (timer resolution, thread-pool
/// delays, network jitter; 50–70 ms were measured on a loaded two-core machine). The burst is one request of
/// size <c>L</c>, so a small job goes out at once; keeping <c>L</c> a twentieth of the allowance (see
/// <see cref="AzureTranslatorOptions.MaxCharactersPerRequest"/>) keeps the throughput near the allowance.
/// <para>
/// After a 429 without <c>Retry-After</c> the allowance is taken to be half of what was granted in the last window
/// (that much was too much), at most half the previous estimate and never below half the free tier's rate; the
/// bucket starts empty, requests granted under the
/// old rate that have not left yet wait their turn again, and a request larger than the new <c>L</c> is handed back to
/// be split. Multiplicative decrease with no increase within the process: one 429 costs a 20-second back-off, which a
/// rate a little under the real allowance never does.
/// </para>
/// </remarks>
internal sealed class CharacterRateLimiter : IAdaptiveCharacterLimiter
{
    // How late or early a request may reach the service relative to our schedule.
    private static readonly TimeSpan JitterAllowance = TimeSpan.FromSeconds(0.5);

    private readonly TimeProvider _timeProvider;
    private readonly Lock _sync = new();
    private readonly TimeSpan _window;
    private readonly Queue<(long At, int Characters)> _granted = new();
    private readonly double _floor;
    private long _grantedInWindow;
    private double _allowance;
    private int _largestRequest;
    private double _charactersPerTick;
    private double _tokens;
    private long _updated;
    private int _regime;
    private bool _enabled;

    /// <summary>Creates a limiter allowing <paramref name="charactersPerWindow"/> per <paramref name="window"/>; 0 disables it until the service throttles.</summary>
    /// <param name="charactersPerWindow">The service's allowance per window; 0 for no shaping.</param>
    /// <param name="window">The window, one minute for Azure.</param>
    /// <param name="largestRequest">The most characters one request may carry: the burst, and the margin kept below the allowance.</param>
    /// <param name="timeProvider">The clock.</param>
    public CharacterRateLimiter(int charactersPerWindow, TimeSpan window, int largestRequest, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(charactersPerWindow);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(largestRequest, 1);
        _timeProvider = timeProvider;
        _window = window;
        _enabled = charactersPerWindow > 0;
        _allowance = charactersPerWindow > 0 ? charactersPerWindow : double.PositiveInfinity;
        // Never below half the smallest tier's rate (F0, scaled to the window) or half the configured one: a 429 after a
        // few characters (another client on the same key, a request-rate limit) must not stop the job.
        _floor = Math.Max(1, Math.Min(_allowance, AzureTranslatorOptions.F0CharactersPerMinute * window.TotalMinutes) / 2);
        _largestRequest = largestRequest;
        SetRate();
        _tokens = largestRequest;
        _updated = timeProvider.GetTimestamp();
    }

    /// <summary>False when shaping is off (and the service has not throttled).</summary>
    public bool IsEnabled
    {
        get
        {
            lock (_sync)
            {
                return _enabled;
            }
        }
    }

    /// <summary>The most characters one request may carry now: the configured size, lowered by throttling.</summary>
    public int MaxRequestCharacters => Volatile.Read(ref _largestRequest);

    /// <summary>The allowance per window the limiter now keeps under, in characters; infinity when shaping is off.</summary>
    public double Allowance
    {
        get
        {
            lock (_sync)
            {
                return _allowance;
            }
        }
    }

    /// <summary>Waits until <paramref name="characters"/> may be sent, then takes them.</summary>
    public async ValueTask AcquireAsync(int characters, CancellationToken cancellationToken) =>
        await WaitTurnAsync(characters, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<int> WaitTurnAsync(int characters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            var (wait, grantedUnder) = Reserve(characters);
            if (wait <= TimeSpan.Zero)
            {
                Sent(characters);
                return grantedUnder;
            }

            try
            {
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Give back what was not used, so a cancelled request does not slow the others.
                Refund(characters, grantedUnder);
                throw;
            }

            lock (_sync)
            {
                if (grantedUnder == _regime)
                {
                    SentLocked(characters);
                    return grantedUnder;
                }
            }

            // The rate was lowered while this request waited: it queues again under the new one, or goes back to be
            // split when it is now too large; its old reservation belonged to a bucket that no longer exists.
            if (characters > MaxRequestCharacters)
            {
                throw TooLarge(characters);
            }
        }
    }

    /// <inheritdoc />
    public bool Throttled(int characters, int grantedUnder)
    {
        lock (_sync)
        {
            if (grantedUnder == _regime)
            {
                Prune(_timeProvider.GetTimestamp());
                // Granted in the last window (this request included) was more than the service allows.
                var estimate = Math.Max(_floor, Math.Min(_allowance, Math.Max(_grantedInWindow, characters)) / 2);
                _allowance = estimate;
                _largestRequest = Math.Max(1, Math.Min(_largestRequest, (int)(estimate / 20)));
                _enabled = true;
                SetRate();
                _tokens = 0;
                _updated = _timeProvider.GetTimestamp();
                _regime++;
            }

            return characters > _largestRequest;
        }
    }

    /// <summary>The exception for a request the lowered rate no longer lets through in one piece.</summary>
    public TranslationException TooLarge(int characters) => new(string.Create(CultureInfo.InvariantCulture,
        $"Azure Translator throttled the requests (429 without Retry-After), so they are now cut to at most {MaxRequestCharacters} characters; this one had {characters}."))
    {
        StatusCode = 429,
        RequestTooLarge = true,
    };

    private void SetRate()
    {
        var rate = double.IsPositiveInfinity(_allowance)
            ? double.PositiveInfinity
            : Math.Max(_allowance - _largestRequest, 1) / (_window + JitterAllowance).TotalSeconds;
        _charactersPerTick = rate / _timeProvider.TimestampFrequency;
    }

    private void Refund(int characters, int grantedUnder)
    {
        lock (_sync)
        {
            if (grantedUnder == _regime)
            {
                _tokens = Math.Min(_largestRequest, _tokens + characters);
            }
        }
    }

    // Takes the characters now (possibly into debt) and says how long until the debt is paid.
    private (TimeSpan Wait, int Regime) Reserve(int characters)
    {
        lock (_sync)
        {
            var now = _timeProvider.GetTimestamp();
            if (!_enabled || characters <= 0)
            {
                return (TimeSpan.Zero, _regime);
            }

            _tokens = Math.Min(_largestRequest, _tokens + ((now - _updated) * _charactersPerTick));
            _updated = now;
            _tokens -= characters;
            return _tokens >= 0
                ? (TimeSpan.Zero, _regime)
                : (TimeSpan.FromSeconds(-_tokens / _charactersPerTick / _timeProvider.TimestampFrequency), _regime);
        }
    }

    // Logs characters as they leave (not as they are reserved), so a throttle estimates from what the service saw.
    private void Sent(int characters)
    {
        lock (_sync)
        {
            SentLocked(characters);
        }
    }

    private void SentLocked(int characters)
    {
        var now = _timeProvider.GetTimestamp();
        Prune(now);
        _granted.Enqueue((now, characters));
        _grantedInWindow += characters;
    }

    private void Prune(long now)
    {
        var horizon = now - (long)(_window.TotalSeconds * _timeProvider.TimestampFrequency);
        while (_granted.Count > 0 && _granted.Peek().At <= horizon)
        {
            _grantedInWindow -= _granted.Dequeue().Characters;
        }
    }
}
