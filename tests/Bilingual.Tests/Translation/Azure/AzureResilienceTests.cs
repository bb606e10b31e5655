using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Azure;
using Bilingual.Tests.Translation.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Translation.Azure;

/// <summary>
/// The resilience contract through the Azure backend and its fake, and what only Azure switches on: the 429
/// back-off over the rate window, the circuit breaker and the character rate limiter.
/// </summary>
public sealed class AzureResilienceTests : ResilienceContractTests<AzureTranslatorOptions>
{
    private const string FakeKey = "fake-key-resilience-7e19c04b";

    private protected override string Key => FakeKey;

    protected override string Section => AzureTranslatorOptions.SectionName;

    protected override string Service => "Azure Translator";

    protected override string UnavailableMessage => "Azure Translator is temporarily unavailable (503000); request id fake-4.";

    protected override (TimeSpan Attempt, TimeSpan Total, int Retries, TimeSpan Delay, TimeSpan MaxDelay) DocumentedDefaults =>
        (TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 6, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2));

    private protected override async Task<IResilienceFake> StartFakeAsync(TimeProvider time) =>
        new AzureResilienceFake(await FakeTranslatorServer.StartAsync(new FakeTranslatorServerOptions { TimeProvider = time, Key = FakeKey }));

    private protected override void Register(IServiceCollection services) => services.AddAzureTranslator();

    private protected override ITextTranslator Translator(IServiceProvider services) => services.GetRequiredService<AzureTranslator>();


    [Fact]
    public async Task TranslateAsync_429WithoutRetryAfter_BacksOffOnTheScaleOfTheMinuteWindow()
    {
        Fake.Enqueue(429);

        var task = TranslateAsync();
        await WaitForRetryAsync(1);
        // A share of the 60-second window (20 s ± 20 %), not the 1-second server-error back-off.
        Time.Advance(TimeSpan.FromSeconds(15));
        await Task.Delay(200);
        Assert.Single(Fake.Received);

        await AzureTestHost.DriveUntilAsync(Time, () => Fake.Received.Count == 2, TimeSpan.FromSeconds(1));
        await task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(Gap(), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(26));
    }

    [Fact]
    public async Task TranslateAsync_RepeatedServerErrors_OpenTheCircuitAndFailFastWithoutCallingTheService()
    {
        var noRetries = Build(new() { ["MaxRetries"] = "0" });
        for (var i = 0; i < 20; i++)
        {
            Fake.Enqueue(500);
        }

        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<TranslationException>(() => TranslateAsync(noRetries));
        }

        var open = await Assert.ThrowsAsync<TranslationException>(() => TranslateAsync(noRetries));
        Time.Advance(TimeSpan.FromSeconds(31));
        var afterBreak = await TranslateAsync(noRetries);

        Assert.Contains("failing repeatedly", open.Message, StringComparison.Ordinal);
        Assert.Equal(21, Fake.Received.Count);
        Assert.Equal("A.", Assert.Single(afterBreak).Text);
    }

    [Fact]
    public async Task TranslateAsync_CharactersBeyondTheAllowance_WaitForTheLimiterOutsideTheAttemptTimeout()
    {
        // 1,200 characters a minute: requests of at most 60, a burst of 60, then (1,200 − 60) / 60.5 s ≈ 18.8 a second.
        var shaped = Build(new() { ["CharactersPerMinute"] = "1200", ["AttemptTimeout"] = "00:00:01" });
        var translator = shaped.GetRequiredService<AzureTranslator>();
        var text = new string('a', 49) + '.';
        var meter = TranslationMeter.Start();
        await translator.TranslateAsync(new TranslationRequest([text], "nl", "en"), CancellationToken.None);

        // 40 characters short: 2.12 s to wait, twice the attempt timeout, without a timeout or a retry.
        var second = translator.TranslateAsync(new TranslationRequest([text], "nl", "en"), CancellationToken.None);
        await Task.Delay(200);
        Time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(200);
        Assert.Single(Fake.Received);
        await AzureTestHost.DriveUntilAsync(Time, () => Fake.Received.Count == 2, TimeSpan.FromSeconds(0.05));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Gap(), TimeSpan.FromSeconds(2.1), TimeSpan.FromSeconds(2.2));
        Assert.Equal(2, meter.Attempts);
        Assert.Equal(0, RetriesLogged);
    }

    [Fact]
    public async Task TranslateAsync_Retry_IsLoggedWithTheClientTraceId()
    {
        Fake.Enqueue(503);

        var task = TranslateAsync();
        await WaitForRetryAsync(1);
        await AzureTestHost.DriveUntilAsync(Time, () => Fake.Received.Count == 2, TimeSpan.FromSeconds(0.5));
        await task.WaitAsync(TimeSpan.FromSeconds(10));

        var traceId = ((AzureResilienceFake)Fake).Server.Requests.First().Header(TextTranslationClient.ClientTraceIdHeader);
        Assert.Contains(Logs.Lines, l => l.Contains($"Azure Translator request {traceId}: HTTP 503 without Retry-After; attempt 1", StringComparison.Ordinal));
    }

    private sealed class AzureResilienceFake(FakeTranslatorServer server) : IResilienceFake
    {
        public FakeTranslatorServer Server => server;

        public Uri Endpoint => server.Endpoint;

        public IReadOnlyList<DateTimeOffset> Received => server.Requests.Select(r => r.ReceivedAt).ToArray();

        public bool IsScriptEmpty => server.Script.IsEmpty;

        // The service's six-digit code is the status followed by three more (v3.0 reference, "Errors").
        public void Enqueue(int status, int? retryAfterSeconds = null, bool hang = false) =>
            server.Script.Enqueue(new FakeResponse(status, status >= 400 ? status * 1000 : null, retryAfterSeconds, hang, AfterAuthentication: true));

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
