using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.DeepL;
using Bilingual.Tests.Translation.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Translation.Http;

/// <summary>The shared resilience layer of the HTTP backends, driven through the DeepL backend on a fake clock.</summary>
public sealed class HttpResilienceTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider time = new();
    private readonly CapturingLoggerProvider logs = new();
    private FakeDeepLServer server = null!;
    private ServiceProvider provider = null!;

    public async Task InitializeAsync()
    {
        server = await FakeDeepLServer.StartAsync(new FakeDeepLServer { TimeProvider = time });
        provider = Build();
    }

    public void Dispose() => logs.Dispose();

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        await server.DisposeAsync();
    }

    private ServiceProvider Build(Dictionary<string, string?>? extra = null, Action<IServiceCollection>? register = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Translation:DeepL:Endpoint"] = server.Endpoint.ToString(),
            ["Translation:DeepL:Key"] = server.Key,
            ["Translation:DeepL:RetryDelay"] = "00:00:01",
            ["Translation:DeepL:MaxRetries"] = "3",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return HttpBackendTestHost.Build(register ?? (s => s.AddDeepLTranslator()), settings, time, logs);
    }

    private static Task<IReadOnlyList<TranslatedText>> TranslateAsync(ServiceProvider services) =>
        services.GetRequiredService<DeepLTranslator>().TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), CancellationToken.None);

    private int RetriesLogged => logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("; attempt", StringComparison.Ordinal));

    private TimeSpan Gap() => server.Requests.ElementAt(1).ReceivedAt - server.Requests.ElementAt(0).ReceivedAt;

    // The retry's delay timer is created right after its log line; give that thread a moment before moving the clock.
    private async Task WaitForRetryAsync(int retries)
    {
        await AzureTestHost.WaitUntilAsync(() => RetriesLogged >= retries, $"retry {retries}");
        await Task.Delay(100);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_WaitsExactlyThatLongThenSucceeds()
    {
        server.Script.Enqueue(new FakeBackendResponse(429, RetryAfterSeconds: 7, AfterAuthentication: true));
        var meter = TranslationMeter.Start();

        var task = TranslateAsync(provider);
        await WaitForRetryAsync(1);
        time.Advance(TimeSpan.FromSeconds(6.5));
        await Task.Delay(200);
        Assert.Single(server.Requests);
        await AzureTestHost.DriveUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(0.5));
        var result = await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Gap(), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.5));
        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal((2, 1), (meter.Attempts, meter.Throttled));
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        await using var capped = Build(new() { ["Translation:DeepL:MaxRetryDelay"] = "00:00:20" });
        server.Script.Enqueue(new FakeBackendResponse(429, RetryAfterSeconds: 3600, AfterAuthentication: true));

        var task = TranslateAsync(capped);
        await WaitForRetryAsync(1);
        time.Advance(TimeSpan.FromSeconds(19));
        await AzureTestHost.DriveUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(1));
        await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Gap(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
    }

    [Fact]
    public async Task SendAsync_ResponseSlowerThanTheAttemptTimeout_IsAbandonedAndRetried()
    {
        server.Script.Enqueue(new FakeBackendResponse(200, Hang: true, AfterAuthentication: true));

        var task = TranslateAsync(provider);
        await AzureTestHost.WaitUntilAsync(() => server.Script.IsEmpty && server.Requests.Count == 1, "the first attempt");
        time.Advance(TimeSpan.FromSeconds(59));
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
    public async Task SendAsync_NeverAnswering_FailsWithATimeoutMessage()
    {
        for (var i = 0; i < 4; i++)
        {
            server.Script.Enqueue(new FakeBackendResponse(200, Hang: true, AfterAuthentication: true));
        }

        var error = await Assert.ThrowsAsync<TranslationException>(() => AzureTestHost.DriveAsync(time, TranslateAsync(provider), TimeSpan.FromSeconds(2)));

        Assert.Equal("DeepL did not answer within 60 s.", error.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_QuotaExceeded456_IsNeverRetried()
    {
        server.Script.Enqueue(new FakeBackendResponse(456, AfterAuthentication: true));
        var meter = TranslationMeter.Start();

        var error = await Assert.ThrowsAsync<TranslationException>(() => TranslateAsync(provider));

        Assert.Equal(456, error.StatusCode);
        Assert.Equal(1, meter.Attempts);
        Assert.Equal(0, RetriesLogged);
    }

    [Fact]
    public async Task AddDeepLTranslator_RegisteredTwice_KeepsOneRetryLayer()
    {
        await using var twice = Build(register: s => s.AddDeepLTranslator().AddDeepLTranslator());
        for (var i = 0; i < 20; i++)
        {
            server.Script.Enqueue(new FakeBackendResponse(503, AfterAuthentication: true));
        }

        await Assert.ThrowsAsync<TranslationException>(() => AzureTestHost.DriveAsync(time, TranslateAsync(twice), TimeSpan.FromSeconds(1)));

        // One layer of three retries: four attempts, not sixteen.
        Assert.Equal(4, server.Requests.Count);
    }
}
