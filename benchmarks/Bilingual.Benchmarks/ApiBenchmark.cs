using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilingual.Worker.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Benchmarks;

/// <summary>
/// The HTTP service on loopback with the offline backend: <c>POST /v1/translate</c> of the seed from a warm cache
/// (p50/p99 latency and requests a second from <c>--clients</c> concurrent clients), then <c>--jobs</c> submissions from
/// 50 concurrent clients with idempotency keys, half of them sent twice: every job exactly once, none lost.
/// Usage: <c>api [--requests N] [--clients N] [--jobs N]</c>.
/// </summary>
public static class ApiBenchmark
{
    private const string Key = "benchmark-key-0123456789abcdef";

    /// <summary>Runs the benchmark and prints its figures; returns 0, or 1 when a job was lost or duplicated.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var requests = int.Parse(Option(args, "--requests") ?? "2000", CultureInfo.InvariantCulture);
        var clients = int.Parse(Option(args, "--clients") ?? "4", CultureInfo.InvariantCulture);
        var jobs = int.Parse(Option(args, "--jobs") ?? "500", CultureInfo.InvariantCulture);
        var root = Directory.CreateTempSubdirectory("bilingual-api-bench-").FullName;
        var app = ApiHost.Build(new Dictionary<string, string?>
        {
            ["Cache:Path"] = Path.Combine(root, "cache.db"),
            ["Api:ResultsDirectory"] = Path.Combine(root, "jobs"),
            ["Api:Keys:bench"] = Key,
            ["Api:Clients:bench:RequestsPerMinute"] = "1000000",
            ["Api:Clients:bench:CharactersPerDay"] = "1000000000000",
            ["Logging:LogLevel:Default"] = "Warning",
        }, "http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var seed = await File.ReadAllTextAsync(Path.Combine(FindRoot(), "seeds", "000_e36221037867b85e.txt"));
            await SyncTranslateAsync(http, seed, requests, clients);
            return await SubmissionsAsync(http, jobs);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task SyncTranslateAsync(HttpClient http, string seed, int requests, int clients)
    {
        var body = new { text = seed, name = "belarus" };
        for (var i = 0; i < 20; i++)
        {
            // Warm: the cache holds the seed's paragraphs and the code is compiled.
            (await http.PostAsJsonAsync("/v1/translate", body)).EnsureSuccessStatusCode();
        }

        var latencies = new ConcurrentBag<double>();
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/v1/translate", body);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"POST /v1/translate (seed, warm cache, {clients} clients, {requests} requests): p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms, {requests / seconds:0} requests/s"));
    }

    private static async Task<int> SubmissionsAsync(HttpClient http, int jobs)
    {
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var created = 0;
        var replayed = 0;
        var mismatched = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref next); n < jobs; n = Interlocked.Increment(ref next))
            {
                var key = $"job-{n}";
                var body = new { articles = new[] { new { name = "a", text = $"Artikel {n}. Poetin kwam naar Minsk." } } };
                // Every second submission is sent twice, as a client whose first answer was lost would.
                for (var attempt = 0; attempt < (n % 2 == 0 ? 2 : 1); attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/jobs") { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    using var response = await http.SendAsync(request);
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        Interlocked.Increment(ref created);
                    }
                    else if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref replayed);
                    }

                    if (ids.GetOrAdd(key, id) != id)
                    {
                        Interlocked.Increment(ref mismatched);
                    }
                }
            }
        }));
        var submitted = clock.Elapsed.TotalSeconds;
        var finished = 0;
        foreach (var id in ids.Values)
        {
            for (var polls = 0; polls < 6000; polls++)
            {
                var job = await http.GetFromJsonAsync<JsonElement>($"/v1/jobs/{id}");
                if (job.GetProperty("status").GetString() == "succeeded")
                {
                    finished++;
                    break;
                }

                await Task.Delay(10);
            }
        }

        var total = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"POST /v1/jobs ({jobs} jobs, 50 clients, half sent twice): {created} created, {replayed} answered again with the same job, {mismatched} keys with two jobs, {jobs + jobs / 2 + jobs % 2} requests in {submitted:0.00} s ({(jobs + jobs / 2) / submitted:0} requests/s); {finished}/{ids.Count} succeeded after {total:0.00} s"));
        return created == jobs && mismatched == 0 && finished == jobs ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bilingual.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("run from inside the repository");
    }
}
