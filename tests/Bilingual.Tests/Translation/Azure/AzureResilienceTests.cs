using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Translation.Azure;

/// <summary>Retries, back-off, timeouts and throttling of the Azure backend, on a fake clock.</summary>
public sealed class AzureResilienceTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider time = new();
    private readonly CapturingLoggerProvider logs = new();
    private FakeTranslatorServer server = null!;
    private ServiceProvider provider = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTranslatorServer.StartAsync(new FakeTranslatorServerOptions { TimeProvider = time });
        provider = AzureTestHost.Build(server, time, new Dictionary<string, string?>
        {
            ["Translation:Azure:RetryDelay"] = "00:00:02",
            ["Translation:Azure:MaxRetries"] = "3",
        }, logs);
    }

    public void Dispose() => logs.Dispose();

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        await server.DisposeAsync();
    }

    private Task<IReadOnlyList<TranslatedText>> TranslateAsync(CancellationToken cancellationToken = default) =>
        provider.GetRequiredService<AzureTranslator>().TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), cancellationToken);

    private int RetriesLogged => logs.Lines.Count(l => l.Contains("attempt", StringComparison.Ordinal) && l.Contains("Warning", StringComparison.Ordinal));

    // Fake time between the first and the second request the server received.
    private TimeSpan Gap() => server.Requests.ElementAt(1).ReceivedAt - server.Requests.ElementAt(0).ReceivedAt;

    // The retry's delay timer is created right after its log line; give that thread a moment before moving the clock.
    private async Task WaitForRetryAsync(int retries)
    {
        await AzureTestHost.WaitUntilAsync(() => RetriesLogged >= retries, $"retry {retries}");
        await Task.Delay(100);
    }

    [Fact]
    public async Task TranslateAsync_429WithRetryAfter_WaitsExactlyThatLongThenSucceeds()
    {
        server.Script.Enqueue(new FakeResponse(429, 429001, RetryAfterSeconds: 7));
        var meter = TranslationMeter.Start();

        var task = TranslateAsync();
        await WaitForRetryAsync(1);
        time.Advance(TimeSpan.FromSeconds(6.5));
        await Task.Delay(200);
        Assert.Single(server.Requests);
        await AzureTestHost.DriveUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(0.5));
        var result = await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Gap(), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8));
        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((2, 1), (meter.Attempts, meter.Throttled));
    }

    [Fact]
    public async Task TranslateAsync_429RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        await using var capped = AzureTestHost.Build(server, time, new Dictionary<string, string?>
        {
            ["Translation:Azure:MaxRetryDelay"] = "00:00:30",
        }, logs);
        server.Script.Enqueue(new FakeResponse(429, 429001, RetryAfterSeconds: 3600));

        var task = capped.GetRequiredService<AzureTranslator>().TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), default);
        await WaitForRetryAsync(1);

        time.Advance(TimeSpan.FromSeconds(29));
        await AzureTestHost.DriveUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(1));
        await task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(Gap(), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32));
    }

    [Fact]
    public async Task TranslateAsync_429WithoutRetryAfter_BacksOffOnTheScaleOfTheMinuteWindow()
    {
        server.Script.Enqueue(new FakeResponse(429, 429002));

        var task = TranslateAsync();
        await WaitForRetryAsync(1);
        // A share of the 60-second window (20 s ± 20 %), not the 2-second server-error back-off.
        time.Advance(TimeSpan.FromSeconds(15));
        await Task.Delay(200);
        Assert.Single(server.Requests);

        await AzureTestHost.DriveUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(1));
        await task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(Gap(), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(26));
    }

    [Fact]
    public async Task TranslateAsync_500And503Burst_IsRetriedWithBackoffUntilItSucceeds()
    {
        server.Script.Enqueue(new FakeResponse(500, 500000, AfterAuthentication: true));
        server.Script.Enqueue(new FakeResponse(503, 503000, AfterAuthentication: true));
        server.Script.Enqueue(new FakeResponse(503, 503000, AfterAuthentication: true));
        var meter = TranslationMeter.Start();

        var result = await AzureTestHost.DriveAsync(time, TranslateAsync(), TimeSpan.FromMilliseconds(500));

        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(4, meter.Attempts);
        // Exponential back-off from 2 s: the three waits take several seconds of (fake) time.
        Assert.True(time.GetUtcNow() - FakeStart >= TimeSpan.FromSeconds(3), $"{time.GetUtcNow() - FakeStart}");
    }

    private static readonly DateTimeOffset FakeStart = new FakeTimeProvider().GetUtcNow();

    [Fact]
    public async Task TranslateAsync_ServerErrorsBeyondTheRetries_FailWithTheLastErrorsMessage()
    {
        for (var i = 0; i < 5; i++)
        {
            server.Script.Enqueue(new FakeResponse(503, 503000, AfterAuthentication: true));
        }

        var error = await Assert.ThrowsAsync<TranslationException>(() =>
            AzureTestHost.DriveAsync(time, TranslateAsync(), TimeSpan.FromSeconds(1)));

        Assert.Equal("Azure Translator is temporarily unavailable (503000); request id fake-4.", error.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task TranslateAsync_ResponseSlowerThanTheAttemptTimeout_IsAbandonedAndRetried()
    {
        server.Script.Enqueue(new FakeResponse(200, Hang: true, AfterAuthentication: true));

        var task = TranslateAsync();
        await AzureTestHost.WaitUntilAsync(() => server.Script.IsEmpty && server.Requests.Count == 1, "the first attempt");
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(200);
        Assert.Equal(0, RetriesLogged);
        time.Advance(TimeSpan.FromSeconds(2));
        await WaitForRetryAsync(1);
        var result = await AzureTestHost.DriveAsync(time, task, TimeSpan.FromSeconds(1));

        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(logs.Lines, l => l.Contains("TimeoutRejectedException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslateAsync_NeverAnswering_FailsWithATimeoutMessage()
    {
        for (var i = 0; i < 4; i++)
        {
            server.Script.Enqueue(new FakeResponse(200, Hang: true, AfterAuthentication: true));
        }

        // The clock moves on only once each attempt has reached the server: on a busy machine a fast-moving
        // fake clock would otherwise time an attempt out before its request was even sent.
        var task = TranslateAsync();
        for (var attempt = 1; attempt < 4; attempt++)
        {
            await AzureTestHost.WaitUntilAsync(() => server.Requests.Count >= attempt, $"attempt {attempt}");
            var sent = attempt;
            await AzureTestHost.DriveUntilAsync(time, () => server.Requests.Count > sent, TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<TranslationException>(() => AzureTestHost.DriveAsync(time, task, TimeSpan.FromSeconds(1)));

        Assert.Equal("Azure Translator did not answer within 30 s.", error.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task TranslateAsync_CancelledDuringBackoff_StopsPromptly()
    {
        server.Script.Enqueue(new FakeResponse(429, 429001));
        using var cancellation = new CancellationTokenSource();

        var task = TranslateAsync(cancellation.Token);
        await WaitForRetryAsync(1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_RepeatedServerErrors_OpenTheCircuitAndFailFastWithoutCallingTheService()
    {
        await using var noRetries = AzureTestHost.Build(server, time, new Dictionary<string, string?>
        {
            ["Translation:Azure:MaxRetries"] = "0",
        }, logs);
        var translator = noRetries.GetRequiredService<AzureTranslator>();
        for (var i = 0; i < 20; i++)
        {
            server.Script.Enqueue(new FakeResponse(500, 500000, AfterAuthentication: true));
        }

        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<TranslationException>(() => translator.TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), default));
        }

        var open = await Assert.ThrowsAsync<TranslationException>(() => translator.TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), default));
        time.Advance(TimeSpan.FromSeconds(31));
        var afterBreak = await translator.TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), default);

        Assert.Contains("failing repeatedly", open.Message, StringComparison.Ordinal);
        Assert.Equal(21, server.Requests.Count);
        Assert.Equal("A.", Assert.Single(afterBreak).Text);
    }

    [Fact]
    public async Task TranslateAsync_Unreachable_SaysSoWithoutTheKey()
    {
        var endpoint = server.Endpoint;
        await server.DisposeAsync();
        await using var unreachable = AzureTestHost.Build(server, time, new Dictionary<string, string?>
        {
            ["Translation:Azure:Endpoint"] = endpoint.ToString(),
            ["Translation:Azure:MaxRetries"] = "1",
        });

        var error = await Assert.ThrowsAsync<TranslationException>(() => AzureTestHost.DriveAsync(time,
            unreachable.GetRequiredService<AzureTranslator>().TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), default),
            TimeSpan.FromSeconds(1)));

        Assert.StartsWith($"Could not reach Azure Translator at http://127.0.0.1:{endpoint.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Options.Key, error.ToString(), StringComparison.Ordinal);
        server = await FakeTranslatorServer.StartAsync();
    }
}
