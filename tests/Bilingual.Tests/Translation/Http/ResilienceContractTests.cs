using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Http;
using Bilingual.Tests.Translation.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Translation.Http;

/// <summary>
/// What the one resilience layer must do for every remote backend, driven through the backend and its local fake
/// on a fake clock. Each backend's resilience test class inherits this and supplies the backend and the fake.
/// The clock moves on only once an attempt has reached the fake, or once a retry has been logged (its delay timer
/// is created right after): a fast-moving clock would otherwise time out an attempt before its request was sent.
/// </summary>
/// <typeparam name="TOptions">The backend's options.</typeparam>
public abstract class ResilienceContractTests<TOptions> : IAsyncLifetime
    where TOptions : HttpTranslatorOptions
{
    // Retries, attempt timeout and first back-off of every test unless it says otherwise.
    private static readonly Dictionary<string, string?> ContractSettings = new()
    {
        ["MaxRetries"] = "3",
        ["RetryDelay"] = "00:00:01",
        ["AttemptTimeout"] = "00:00:20",
    };

    private readonly List<IAsyncDisposable> disposables = [];
    private IResilienceFake fake = null!;
    private ServiceProvider provider = null!;

    /// <summary>The fake clock of the backend and the fake.</summary>
    protected FakeTimeProvider Time { get; } = new();

    private protected CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The backend's configuration section (<c>Translation:DeepL</c>).</summary>
    protected abstract string Section { get; }

    /// <summary>The service's name in timeout and network messages (<c>DeepL</c>).</summary>
    protected abstract string Service { get; }

    /// <summary>The backend's message when the service kept answering 503 (after three retries, the fourth response).</summary>
    protected abstract string UnavailableMessage { get; }

    /// <summary>
    /// The backend's documented defaults of <see cref="HttpTranslatorOptions.AttemptTimeout"/>, <c>TotalTimeout</c>,
    /// <c>MaxRetries</c>, <c>RetryDelay</c> and <c>MaxRetryDelay</c>: those of README.md's configuration table for
    /// DeepL, LibreTranslate and LLM unless the backend says otherwise.
    /// </summary>
    protected virtual (TimeSpan Attempt, TimeSpan Total, int Retries, TimeSpan Delay, TimeSpan MaxDelay) DocumentedDefaults =>
        (TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5), 5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    /// <summary>The fake, on <see cref="Time"/>.</summary>
    private protected IResilienceFake Fake => fake;

    /// <summary>The backend, built with the contract's settings.</summary>
    private protected ServiceProvider Provider => provider;

    /// <summary>Starts the fake on <paramref name="time"/>.</summary>
    private protected abstract Task<IResilienceFake> StartFakeAsync(TimeProvider time);

    /// <summary>The key the fake accepts.</summary>
    private protected abstract string Key { get; }

    /// <summary>The settings, relative to <see cref="Section"/>, that point the backend at <paramref name="server"/>: endpoint and key.</summary>
    private protected virtual Dictionary<string, string?> Connect(IResilienceFake server) =>
        new() { ["Endpoint"] = server.Endpoint.ToString(), ["Key"] = Key };

    /// <summary>Registers the backend.</summary>
    private protected abstract void Register(IServiceCollection services);

    /// <summary>The backend as registered.</summary>
    private protected abstract ITextTranslator Translator(IServiceProvider services);

    public async Task InitializeAsync()
    {
        fake = await StartFakeAsync(Time);
        disposables.Add(fake);
        provider = Build();
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(disposables))
        {
            await disposable.DisposeAsync();
        }

        Logs.Dispose();
    }

    /// <summary>
    /// A provider with the backend pointed at <paramref name="server"/> (default the test's fake), the contract's
    /// settings overridden by <paramref name="values"/> (relative to <see cref="Section"/>), registered by
    /// <paramref name="register"/> (default <see cref="Register"/>); disposed after the test.
    /// </summary>
    private protected ServiceProvider Build(
        Dictionary<string, string?>? values = null, Action<IServiceCollection>? register = null, IResilienceFake? server = null)
    {
        var settings = new Dictionary<string, string?>(ContractSettings);
        foreach (var (key, value) in Connect(server ?? fake).Concat(values ?? []))
        {
            settings[key] = value;
        }

        var built = HttpBackendTestHost.Build(
            register ?? Register, settings.ToDictionary(s => $"{Section}:{s.Key}", s => s.Value), Time, Logs);
        disposables.Add(built);
        return built;
    }

    private protected Task<IReadOnlyList<TranslatedText>> TranslateAsync(IServiceProvider? services = null, CancellationToken cancellationToken = default) =>
        Translator(services ?? provider).TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), cancellationToken);

    private protected int RetriesLogged => Logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("; attempt", StringComparison.Ordinal));

    /// <summary>Fake time between the request the fake received as number <paramref name="request"/> (from 1) and the one before.</summary>
    private protected TimeSpan Gap(int request = 2) => fake.Received[request - 1] - fake.Received[request - 2];

    /// <summary>Waits until <paramref name="retries"/> retries were logged, then a moment for the retry's delay timer to be created.</summary>
    private protected async Task WaitForRetryAsync(int retries)
    {
        await AzureTestHost.WaitUntilAsync(() => RetriesLogged >= retries, $"retry {retries}");
        await Task.Delay(100);
    }

    [Fact]
    public async Task TranslateAsync_TransientServerErrors_AreRetriedWithBackoffUntilTheySucceed()
    {
        fake.Enqueue(500);
        fake.Enqueue(503);
        var meter = TranslationMeter.Start();

        var task = TranslateAsync();
        for (var retry = 1; retry <= 2; retry++)
        {
            await WaitForRetryAsync(retry);
            var sent = retry;
            Assert.Equal(sent, fake.Received.Count);
            await AzureTestHost.DriveUntilAsync(Time, () => fake.Received.Count > sent, TimeSpan.FromMilliseconds(250));
        }

        var result = await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal(3, fake.Received.Count);
        Assert.Equal((3, 0), (meter.Attempts, meter.Throttled));
        Assert.All([Gap(2), Gap(3)], gap => Assert.True(gap > TimeSpan.Zero, $"{gap}"));
    }

    [Fact]
    public async Task TranslateAsync_429WithRetryAfter_WaitsExactlyThatLongThenSucceeds()
    {
        fake.Enqueue(429, retryAfterSeconds: 7);
        var meter = TranslationMeter.Start();

        var task = TranslateAsync();
        await WaitForRetryAsync(1);
        Time.Advance(TimeSpan.FromSeconds(6.5));
        await Task.Delay(200);
        Assert.Single(fake.Received);
        await AzureTestHost.DriveUntilAsync(Time, () => fake.Received.Count == 2, TimeSpan.FromSeconds(0.5));
        var result = await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Gap(), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.5));
        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal((2, 1), (meter.Attempts, meter.Throttled));
    }

    [Fact]
    public async Task TranslateAsync_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        var capped = Build(new() { ["MaxRetryDelay"] = "00:00:20" });
        fake.Enqueue(429, retryAfterSeconds: 3600);

        var task = TranslateAsync(capped);
        await WaitForRetryAsync(1);
        Time.Advance(TimeSpan.FromSeconds(19));
        await AzureTestHost.DriveUntilAsync(Time, () => fake.Received.Count == 2, TimeSpan.FromSeconds(1));
        await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Gap(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
    }

    [Fact]
    public async Task TranslateAsync_429WithoutRetryAfter_BacksOffBeforeRetrying()
    {
        fake.Enqueue(429);
        var meter = TranslationMeter.Start();

        var task = TranslateAsync();
        await WaitForRetryAsync(1);
        await Task.Delay(200);
        Assert.Single(fake.Received);
        await AzureTestHost.DriveUntilAsync(Time, () => fake.Received.Count == 2, TimeSpan.FromSeconds(0.5));
        var result = await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(Gap() > TimeSpan.Zero, $"{Gap()}");
        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal((2, 1), (meter.Attempts, meter.Throttled));
    }

    [Fact]
    public async Task TranslateAsync_ResponseSlowerThanTheAttemptTimeout_IsAbandonedAndRetried()
    {
        fake.Enqueue(200, hang: true);

        var task = TranslateAsync();
        await AzureTestHost.WaitUntilAsync(() => fake.IsScriptEmpty && fake.Received.Count == 1, "the first attempt");
        Time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(200);
        Assert.Equal(0, RetriesLogged);
        Time.Advance(TimeSpan.FromSeconds(2));
        await WaitForRetryAsync(1);
        var result = await AzureTestHost.DriveAsync(Time, task, TimeSpan.FromSeconds(1));

        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal(2, fake.Received.Count);
        Assert.Contains(Logs.Lines, l => l.Contains("no answer within 20 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslateAsync_NeverAnswering_FailsWithATimeoutMessage()
    {
        for (var i = 0; i < 4; i++)
        {
            fake.Enqueue(200, hang: true);
        }

        var task = TranslateAsync();
        for (var attempt = 1; attempt < 4; attempt++)
        {
            await AzureTestHost.WaitUntilAsync(() => fake.Received.Count >= attempt, $"attempt {attempt}");
            var sent = attempt;
            await AzureTestHost.DriveUntilAsync(Time, () => fake.Received.Count > sent, TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<TranslationException>(() => AzureTestHost.DriveAsync(Time, task, TimeSpan.FromSeconds(1)));

        Assert.Matches($@"^{Service} at http://127\.0\.0\.1:\d+ did not answer within 20 s \(4 attempts\)\.$", error.Message);
        Assert.Equal(4, fake.Received.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task TranslateAsync_NonRetryable4xx_FailsAtOnceWithoutARetry(int status)
    {
        fake.Enqueue(status);
        var meter = TranslationMeter.Start();

        var error = await Assert.ThrowsAsync<TranslationException>(() => TranslateAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.Single(fake.Received);
        Assert.Equal(1, meter.Attempts);
        Assert.Equal(0, RetriesLogged);
    }

    [Fact]
    public async Task TranslateAsync_ServerErrorsBeyondTheRetries_FailWithTheLastErrorsMessage()
    {
        for (var i = 0; i < 5; i++)
        {
            fake.Enqueue(503);
        }

        var task = TranslateAsync();
        for (var retry = 1; retry <= 3; retry++)
        {
            await WaitForRetryAsync(retry);
            var sent = retry;
            await AzureTestHost.DriveUntilAsync(Time, () => fake.Received.Count > sent, TimeSpan.FromSeconds(0.5));
        }

        var error = await Assert.ThrowsAsync<TranslationException>(() => task.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal($"{UnavailableMessage[..^1]}; the last answer was HTTP 503 without Retry-After, after 4 attempts.", error.Message);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, fake.Received.Count);
        Assert.Equal(3, RetriesLogged);
    }

    [Fact]
    public async Task TranslateAsync_CancelledDuringBackoff_StopsPromptly()
    {
        fake.Enqueue(429);
        using var cancellation = new CancellationTokenSource();

        var task = TranslateAsync(cancellationToken: cancellation.Token);
        await WaitForRetryAsync(1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(fake.Received);
    }

    [Fact]
    public async Task TranslateAsync_Unreachable_SaysSoWithoutTheKey()
    {
        var gone = await StartFakeAsync(Time);
        var unreachable = Build(new() { ["MaxRetries"] = "1" }, server: gone);
        await gone.DisposeAsync();

        var error = await Assert.ThrowsAsync<TranslationException>(() =>
            AzureTestHost.DriveAsync(Time, TranslateAsync(unreachable), TimeSpan.FromSeconds(1)));

        Assert.StartsWith($"Could not reach {Service} at http://127.0.0.1:{gone.Endpoint.Port}", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Twice_KeepsOneRetryLayer()
    {
        var twice = Build(register: s =>
        {
            Register(s);
            Register(s);
        });
        for (var i = 0; i < 20; i++)
        {
            fake.Enqueue(503);
        }

        await Assert.ThrowsAsync<TranslationException>(() => AzureTestHost.DriveAsync(Time, TranslateAsync(twice), TimeSpan.FromSeconds(1)));

        // One layer of three retries: four attempts, not sixteen.
        Assert.Equal(4, fake.Received.Count);
    }

    [Fact]
    public void Options_NotConfigured_HaveTheDocumentedDefaults()
    {
        using var unconfigured = HttpBackendTestHost.Build(Register, Connect(fake).ToDictionary(s => $"{Section}:{s.Key}", s => s.Value));

        var options = unconfigured.GetRequiredService<IOptions<TOptions>>().Value;

        Assert.Equal(DocumentedDefaults, (options.AttemptTimeout, options.TotalTimeout, options.MaxRetries, options.RetryDelay, options.MaxRetryDelay));
    }
}
