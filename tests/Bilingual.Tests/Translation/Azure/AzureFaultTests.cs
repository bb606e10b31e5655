using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Translation.Azure;

/// <summary>
/// Faults of issue 16 through the Azure backend and the Translator v3 fake: a free-tier allowance far below the
/// configured rate (case 4), what a failed request's message says (case 3), and run figures that equal what the
/// service received and metered.
/// </summary>
public sealed partial class AzureFaultTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> disposables = [];
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    private async Task<(FakeTranslatorServer Server, ServiceProvider Provider)> StartAsync(
        FakeTranslatorServerOptions serverOptions, Dictionary<string, string?> settings, TimeProvider clock)
    {
        var server = await FakeTranslatorServer.StartAsync(serverOptions);
        disposables.Add(server);
        var provider = AzureTestHost.Build(server, clock, settings);
        disposables.Add(provider);
        return (server, provider);
    }

    // A port nothing listens on: connections to it are refused.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<ServiceProvider> StartRefusedAsync(int port, Dictionary<string, string?> settings, TimeProvider clock)
    {
        settings["Translation:Azure:Endpoint"] = $"http://127.0.0.1:{port}";
        return (await StartAsync(new FakeTranslatorServerOptions(), settings, clock)).Provider;
    }

    private static TranslationService Service(ServiceProvider provider, TimeProvider clock) =>
        new(provider.GetRequiredService<AzureTranslator>(), new InMemoryTranslationCache(), clock,
            NullLogger<TranslationService>.Instance, Options.Create(new TranslationOptions { Glossary = new Dictionary<string, string>() }),
            Options.Create(new BatchingOptions()));

    // 120 paragraphs of about 500 characters: 60,000 characters, almost two minutes of a 33,300-a-minute allowance.
    private static string[] Paragraphs() =>
        Enumerable.Range(0, 120)
            .Select(i => string.Concat(Enumerable.Repeat($"Alinea {i:D3} zegt dat de oorlog niet is wat het was. ", 9)).TrimEnd())
            .ToArray();

    [Fact]
    public async Task TranslateAsync_FreeTierAllowanceWithDefaultSettings_ShrinksAfterTheFirst429AndCompletesWithoutAnother()
    {
        // Issue 16, case 4: the service allows 33,300 characters a minute while the client shapes for 2,000,000 and
        // packs requests of up to 50,000 characters, none of which can ever fit the window.
        var (server, provider) = await StartAsync(
            new FakeTranslatorServerOptions { TimeProvider = time, CharactersPerWindow = 33_300 },
            new Dictionary<string, string?>(),
            time);
        var limiter = provider.GetRequiredService<CharacterRateLimiter>();
        var paragraphs = Paragraphs();

        var task = Service(provider, time).TranslateAsync(paragraphs, CancellationToken.None);
        await AzureTestHost.WaitUntilAsync(() => limiter.MaxRequestCharacters < 50_000, "the first 429 to lower the rate");
        var result = await AzureTestHost.DriveAsync(time, task, TimeSpan.FromSeconds(1), maxSteps: 2_000);

        Assert.All(result.Paragraphs, p => Assert.Null(p.Error));
        Assert.Equal(1, server.Throttled);
        Assert.Equal(1, result.Statistics.Throttled);
        Assert.True(limiter.Allowance < 33_300, $"allowance {limiter.Allowance}");
        Assert.All(server.Requests.Skip(1), r => Assert.True(r.Texts.Sum(t => t.Length) <= limiter.MaxRequestCharacters));
        Assert.Equal(paragraphs.Sum(p => (long)p.Length), server.CharactersTranslated);
    }

    [Fact]
    public async Task TranslateAsync_F0Preset_StaysUnderTheFreeTierFromTheStart()
    {
        var (server, provider) = await StartAsync(
            new FakeTranslatorServerOptions { TimeProvider = time, CharactersPerWindow = 33_300 },
            new Dictionary<string, string?> { ["Translation:Azure:Tier"] = "F0" },
            time);
        var translator = provider.GetRequiredService<AzureTranslator>();

        // Small steps, so a request reaches the fake at nearly the moment the limiter released it.
        var result = await AzureTestHost.DriveAsync(
            time, Service(provider, time).TranslateAsync(Paragraphs(), CancellationToken.None), TimeSpan.FromSeconds(0.05), maxSteps: 10_000);

        Assert.All(result.Paragraphs, p => Assert.Null(p.Error));
        Assert.Equal(0, server.Throttled);
        // A twentieth of 33,300: requests small enough that the shaping keeps close to the allowance.
        Assert.Equal(1_665, translator.Descriptor.Limits.MaxCharacters);
    }

    [Fact]
    public async Task TranslateAsync_ConnectionRefused_SaysSoInsteadOfATimeout()
    {
        var port = ClosedPort();
        var provider = await StartRefusedAsync(port, new() { ["Translation:Azure:MaxRetries"] = "2" }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<TranslationException>(() =>
            provider.GetRequiredService<AzureTranslator>().TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), CancellationToken.None));

        Assert.Equal($"Could not reach Azure Translator at http://127.0.0.1:{port}: connection refused (3 attempts).", error.Message);
    }

    [Fact]
    public async Task TranslateAsync_RefusedUntilTheTotalTimeout_NamesTheRefusalNotTheTimeout()
    {
        // The reported "did not answer within 15 s" for a refused connection: the total timeout fired while the retries
        // waited after refusals.
        var port = ClosedPort();
        var provider = await StartRefusedAsync(
            port, new() { ["Translation:Azure:TotalTimeout"] = "00:00:15", ["Translation:Azure:RetryDelay"] = "00:00:10" }, time);

        var task = provider.GetRequiredService<AzureTranslator>().TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), CancellationToken.None);
        var error = await Assert.ThrowsAsync<TranslationException>(() => AzureTestHost.DriveAsync(time, task, TimeSpan.FromSeconds(1)));

        Assert.Matches(
            $@"^Azure Translator at http://127\.0\.0\.1:{port} gave up after 15 s \(the total timeout\) and \d attempts?; the last failed with: connection refused\.$",
            error.Message);
    }

    [Theory]
    [InlineData(null, "HTTP 429 without Retry-After")]
    [InlineData(7, "HTTP 429 with Retry-After 7 s")]
    public async Task TranslateAsync_ThrottledBeyondTheRetries_SaysWhetherTheServiceAskedForAWait(int? retryAfter, string expected)
    {
        var (server, provider) = await StartAsync(new FakeTranslatorServerOptions(), new Dictionary<string, string?>
        {
            ["Translation:Azure:MaxRetries"] = "0",
        }, TimeProvider.System);
        server.Script.Enqueue(new FakeResponse(429, 429001, retryAfter));

        var error = await Assert.ThrowsAsync<TranslationException>(() =>
            provider.GetRequiredService<AzureTranslator>().TranslateAsync(new TranslationRequest(["Een."], "nl", "en"), CancellationToken.None));

        Assert.Contains($"the last answer was {expected}, after 1 attempt.", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Azure Translator kept throttling the requests (429001)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_GlossaryMarkupPushesBatchesOverTheLimit_FiguresEqualWhatTheServiceReceivedAndMetered()
    {
        // The reported run: backendCalls 65 and charactersSent 610,268 while the service received 43 requests carrying
        // 482,225 characters. Requests of at most 1,000 characters (20,000 a window) that the markup pushes over.
        var (server, provider) = await StartAsync(new FakeTranslatorServerOptions(), new Dictionary<string, string?>
        {
            ["Translation:Azure:CharactersPerMinute"] = "20000",
            ["Translation:Azure:RateWindow"] = "00:00:01",
            ["Translation:Glossary:Poetin"] = "Putin",
            ["Translation:Glossary:Navo"] = "NATO",
        }, TimeProvider.System);
        var glossary = new Dictionary<string, string> { ["Poetin"] = "Putin", ["Navo"] = "NATO" };
        var service = new TranslationService(provider.GetRequiredService<AzureTranslator>(), new InMemoryTranslationCache(), TimeProvider.System,
            NullLogger<TranslationService>.Instance, Options.Create(new TranslationOptions { Glossary = glossary }), Options.Create(new BatchingOptions()));
        var paragraphs = Enumerable.Range(0, 150)
            .Select(i => $"Alinea {i:D3}: Poetin sprak met de Navo over de oorlog, en de Navo antwoordde Poetin.")
            .ToArray();

        var result = await service.TranslateAsync(paragraphs, CancellationToken.None);

        Assert.All(result.Paragraphs, p => Assert.Null(p.Error));
        var received = server.Requests.ToArray();
        var sent = received.Sum(r => r.Texts.Sum(t => (long)t.Length));
        var markup = received.Sum(r => r.Texts.Sum(t => (long)(t.Length - Unmarked().Replace(t, "${source}").Length)));
        var statistics = result.Statistics;
        Assert.Equal(received.Length, statistics.Attempts);
        Assert.Equal(received.Length, statistics.BackendRequests);
        Assert.Equal(sent, statistics.CharactersSent);
        Assert.Equal(server.CharactersTranslated, statistics.MeteredCharacters);
        Assert.Equal(sent, statistics.MeteredCharacters);
        Assert.Equal(markup, statistics.GlossaryMarkupCharacters);
        Assert.True(markup > 0, "no glossary markup was sent");
        Assert.Equal(paragraphs.Sum(p => (long)p.Length), sent - markup);
    }

    [GeneratedRegex(@"<mstrans:dictionary translation=""[^""]*"">(?<source>.*?)</mstrans:dictionary>")]
    private static partial Regex Unmarked();
}
