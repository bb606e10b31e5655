using System.Diagnostics;
using System.Globalization;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Azure;
using Bilingual.Core.Translation.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Benchmarks;

/// <summary>
/// The Azure backend and the translation service against the local fake of the Translator v3.0 API, with
/// 300 ms latency and a characters-per-window allowance the fake enforces with 429s. For 10, 100 and 1,000
/// articles (copies of the seed article's paragraphs, each copy edited so nothing is shared) it measures
/// backend requests against the minimum the limits allow, characters sent, 429s, wall time, and wall time
/// against the lower bound <c>max(characters / rate, requests × latency / min(concurrency, requests))</c>;
/// then a rerun (all from the cache) and a run with 30 % of responses failing transiently.
/// </summary>
/// <remarks>
/// Options: <c>--window-seconds S</c> (default 60, the service's minute), <c>--characters-per-window C</c>
/// (default 2,000,000, the S1 allowance), <c>--articles 10,100,1000</c>, <c>--latency-ms 300</c>, <c>--no-shaping</c>
/// (the client sends as fast as it can, to show the 429s shaping avoids; time and 429 targets are then not checked). The fake and
/// the client's limiter use the same window, so a shorter window scales the whole benchmark down in time.
/// </remarks>
internal static class AzureBenchmark
{
    private const int Concurrency = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var window = TimeSpan.FromSeconds(Option(args, "--window-seconds", 60));
        var allowance = (int)Option(args, "--characters-per-window", 2_000_000);
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 300));
        var counts = (Value(args, "--articles") ?? "10,100,1000").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var shaping = !args.Contains("--no-shaping");
        var seed = SeedParagraphs();
        var rate = allowance / window.TotalSeconds;

        Console.WriteLine($"Azure backend against the fake: latency {latency.TotalMilliseconds:0} ms, allowance {allowance:N0} characters per {window.TotalSeconds:0} s " +
                          $"({rate:N0}/s), concurrency {Concurrency}, shaping {(shaping ? "on" : "off")}, seed article {seed.Count} paragraphs.");
        Console.WriteLine();
        Console.WriteLine($"{"run",-14} {"articles",8} {"paragraphs",10} {"requests",8} {"minimum",7} {"attempts",8} {"characters",11} {"429s",5} {"errors",6} {"wall s",8} {"bound s",8} {"ratio",6}");

        // Warm up (JIT, Kestrel, the first connection) so the 10-article row measures the service, not the runtime.
        await RunScenarioAsync(Articles(seed, 1), window, allowance, shaping, latency, failureRate: 0, cache: new InMemoryTranslationCache(), rerun: false);

        var failures = new List<string>();
        foreach (var count in counts)
        {
            var paragraphs = Articles(seed, count);
            var clean = await RunScenarioAsync(paragraphs, window, allowance, shaping, latency, failureRate: 0, cache: new InMemoryTranslationCache(), rerun: true);
            var minimum = MinimumRequests(paragraphs, clean.First.Limits);
            var bound = Math.Max(clean.First.Characters / rate,
                clean.First.Requests * latency.TotalSeconds / Math.Min(Concurrency, Math.Max(clean.First.Requests, 1)));
            Print("clean", count, paragraphs.Count, clean.First, minimum, bound);
            Print("rerun", count, paragraphs.Count, clean.Rerun!, 0, 0);

            Check(failures, clean.First.Requests == minimum, $"{count} articles: {clean.First.Requests} requests, minimum {minimum}");
            Check(failures, !shaping || clean.First.Throttled == 0, $"{count} articles: {clean.First.Throttled} 429s with shaping on");
            Check(failures, !shaping || clean.First.Wall.TotalSeconds <= 1.10 * bound, $"{count} articles: wall {clean.First.Wall.TotalSeconds:0.00} s above 1.10 × bound {bound:0.00} s");
            Check(failures, clean.Rerun!.Requests == 0, $"{count} articles: the rerun sent {clean.Rerun.Requests} requests");
            Check(failures, clean.First.Errors == 0, $"{count} articles: {clean.First.Errors} paragraphs failed");

            // The failing run once, on 100 articles when that size is measured.
            if (count == (counts.Contains(100) ? 100 : counts.Max()))
            {
                var flaky = await RunScenarioAsync(paragraphs, window, allowance, shaping, latency, failureRate: 0.3, cache: new InMemoryTranslationCache(), rerun: false);
                Print("30% failing", count, paragraphs.Count, flaky.First, minimum, bound);
                Check(failures, flaky.First.Errors == 0, $"{count} articles with failures: {flaky.First.Errors} paragraphs failed");
                Check(failures, flaky.First.Outputs.SequenceEqual(clean.First.Outputs), $"{count} articles with failures: outputs differ from the clean run");
            }
        }

        Console.WriteLine();
        Console.WriteLine("minimum = max(⌈characters / characters per request⌉, ⌈paragraphs / texts per request⌉) for the backend's limits; bound = max(characters / rate, requests × latency / min(concurrency, requests)).");
        foreach (var failure in failures)
        {
            Console.WriteLine($"MISSED: {failure}");
        }

        Console.WriteLine(failures.Count == 0 ? "All targets met." : $"{failures.Count} targets missed.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<(Figures First, Figures? Rerun)> RunScenarioAsync(
        IReadOnlyList<string> paragraphs, TimeSpan window, int allowance, bool shaping, TimeSpan latency, double failureRate, ITranslationCache cache, bool rerun)
    {
        await using var server = await FakeTranslatorServer.StartAsync(new FakeTranslatorServerOptions
        {
            Latency = latency,
            CharactersPerWindow = allowance,
            Window = window,
            TransientFailureRate = failureRate,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Translation:Azure:Endpoint"] = server.Endpoint.ToString(),
            ["Translation:Azure:Key"] = server.Options.Key,
            ["Translation:Azure:CharactersPerMinute"] = (shaping ? allowance : 0).ToString(CultureInfo.InvariantCulture),
            ["Translation:Azure:RateWindow"] = window.ToString("c", CultureInfo.InvariantCulture),
            ["Translation:Batching:MaxConcurrentRequests"] = Concurrency.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(cache)
            .AddAzureTranslator()
            .AddSingleton<ITextTranslator>(sp => sp.GetRequiredService<AzureTranslator>())
            .AddTranslationService();
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ITranslationService>();

        var first = await MeasureAsync(service, paragraphs, server);
        var second = rerun ? await MeasureAsync(service, paragraphs, server) : null;
        return (first, second);
    }

    private static async Task<Figures> MeasureAsync(ITranslationService service, IReadOnlyList<string> paragraphs, FakeTranslatorServer server)
    {
        var throttledBefore = server.Throttled;
        var clock = Stopwatch.StartNew();
        var result = await service.TranslateAsync(paragraphs, CancellationToken.None);
        clock.Stop();
        var statistics = result.Statistics;
        return new Figures(
            statistics.BackendRequests,
            statistics.Attempts,
            statistics.CharactersSent,
            server.Throttled - throttledBefore,
            result.Paragraphs.Count(p => p.Error is not null),
            clock.Elapsed,
            result.Paragraphs.Select(p => p.Translation?.Text ?? string.Empty).ToArray(),
            service.Descriptor.Limits);
    }

    private static int MinimumRequests(IReadOnlyList<string> paragraphs, TranslatorLimits limits)
    {
        var distinct = paragraphs.Distinct(StringComparer.Ordinal).ToList();
        var characters = distinct.Sum(p => (long)p.Length);
        return (int)Math.Max(Math.Ceiling(characters / (double)limits.MaxCharacters), Math.Ceiling(distinct.Count / (double)limits.MaxElements));
    }

    private static void Print(string run, int articles, int paragraphs, Figures figures, int minimum, double bound) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run,-14} {articles,8:N0} {paragraphs,10:N0} {figures.Requests,8:N0} {minimum,7:N0} {figures.Attempts,8:N0} {figures.Characters,11:N0} {figures.Throttled,5} {figures.Errors,6} {figures.Wall.TotalSeconds,8:0.00} {bound,8:0.00} {(bound > 0 ? figures.Wall.TotalSeconds / bound : 0),6:0.00}"));

    private static void Check(List<string> failures, bool met, string message)
    {
        if (!met)
        {
            failures.Add(message);
        }
    }

    // N copies of the seed article; copy k edits every paragraph (a number in brackets) so no two copies share one.
    private static List<string> Articles(IReadOnlyList<string> seed, int count) =>
        Enumerable.Range(1, count).SelectMany(k => seed.Select(p => $"{p} ({k})")).ToList();

    private static List<string> SeedParagraphs()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bilingual.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "seeds", "000_e36221037867b85e.txt");
        return File.ReadAllText(path)
            .Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static double Option(string[] args, string name, double fallback) =>
        Value(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private sealed record Figures(
        int Requests, int Attempts, long Characters, int Throttled, int Errors, TimeSpan Wall, string[] Outputs, TranslatorLimits Limits);
}
