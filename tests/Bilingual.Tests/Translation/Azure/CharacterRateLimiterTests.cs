using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Azure;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Translation.Azure;

public sealed class CharacterRateLimiterTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task AcquireAsync_WithinTheBurst_DoesNotWait()
    {
        var limiter = new CharacterRateLimiter(10_000, TimeSpan.FromMinutes(1), 1_000, time);

        var acquired = limiter.AcquireAsync(1_000, CancellationToken.None);

        Assert.True(acquired.IsCompleted);
        await acquired;
    }

    [Fact]
    public async Task AcquireAsync_BeyondTheBurst_WaitsForTheRefill()
    {
        // Burst 1,000; rate (10,000 − 1,000) / 60.5 s ≈ 149 characters a second: 1,000 more after 6.7 s.
        var limiter = new CharacterRateLimiter(10_000, TimeSpan.FromMinutes(1), 1_000, time);
        await limiter.AcquireAsync(1_000, CancellationToken.None);

        var second = limiter.AcquireAsync(1_000, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(6.5));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.3));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_SteadyStream_NeverReleasesMoreThanTheAllowanceInAnySlidingWindow()
    {
        const int allowance = 10_000;
        var window = TimeSpan.FromSeconds(60);
        var limiter = new CharacterRateLimiter(allowance, window, 1_000, time);
        var released = new List<(DateTimeOffset At, int Characters)>();

        for (var i = 0; i < 60; i++)
        {
            var size = 300 + (i * 37 % 700);
            var acquire = limiter.AcquireAsync(size, CancellationToken.None).AsTask();
            while (!acquire.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Yield();
                await Task.Delay(1);
            }

            released.Add((time.GetUtcNow(), size));
        }

        var worst = released.Max(r => released.Where(o => o.At >= r.At && o.At < r.At + window).Sum(o => o.Characters));
        Assert.InRange(worst, allowance * 0.85, allowance);
    }

    [Fact]
    public async Task AcquireAsync_Disabled_NeverWaits()
    {
        var limiter = new CharacterRateLimiter(0, TimeSpan.FromMinutes(1), 50_000, time);

        for (var i = 0; i < 100; i++)
        {
            var acquired = limiter.AcquireAsync(50_000, CancellationToken.None);
            Assert.True(acquired.IsCompleted);
            await acquired;
        }

        Assert.False(limiter.IsEnabled);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndGivesTheCharactersBack()
    {
        var limiter = new CharacterRateLimiter(10_000, TimeSpan.FromMinutes(1), 1_000, time);
        await limiter.AcquireAsync(1_000, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(900, cancellation.Token).AsTask();

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromSeconds(1));

        // 149 characters refilled plus the 900 given back: 100 more fit without waiting.
        Assert.True(limiter.AcquireAsync(100, CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task Throttled_AfterARequestLargerThanTheRealAllowance_HalvesWhatWasSentAndCutsTheLargestRequest()
    {
        // Shaping for 2,000,000 a minute; the service allows 33,300 and refused a first request of 40,000.
        var limiter = new CharacterRateLimiter(2_000_000, TimeSpan.FromMinutes(1), 50_000, time);
        var regime = await limiter.WaitTurnAsync(40_000, CancellationToken.None);

        var cut = limiter.Throttled(40_000, regime);

        Assert.True(cut);
        Assert.Equal(20_000, limiter.Allowance);
        Assert.Equal(1_000, limiter.MaxRequestCharacters);
        // A second 429 from the same old regime (a request already on the wire) does not halve again.
        Assert.True(limiter.Throttled(30_000, regime));
        Assert.Equal(20_000, limiter.Allowance);
    }

    [Fact]
    public async Task WaitTurnAsync_RateLoweredWhileWaiting_HandsALargeRequestBackUnsent()
    {
        var limiter = new CharacterRateLimiter(2_000_000, TimeSpan.FromMinutes(1), 50_000, time);
        var first = await limiter.WaitTurnAsync(50_000, CancellationToken.None);
        var waiting = limiter.WaitTurnAsync(40_000, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        limiter.Throttled(50_000, first);
        time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TranslationException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(error.RequestTooLarge);
    }

    [Fact]
    public async Task Throttled_AfterAFewCharacters_NeverFallsBelowHalfTheFreeTier()
    {
        var limiter = new CharacterRateLimiter(2_000_000, TimeSpan.FromMinutes(1), 50_000, time);
        var regime = await limiter.WaitTurnAsync(10, CancellationToken.None);

        Assert.False(limiter.Throttled(10, regime));

        Assert.Equal(16_650, limiter.Allowance);
    }
}
