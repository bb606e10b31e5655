using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Tests.EndToEnd;

namespace Bilingual.Tests.Worker.Api;

/// <summary>
/// The real executable: <c>bilingual serve</c> killed with SIGKILL in the middle of a job and started again resumes the job
/// to the end, and sends the backend again only what was in flight when it died.
/// </summary>
public sealed class ServeProcessTests : IAsyncLifetime
{
    private const string Key = "process-key-0123456789abcdef";

    private readonly string _root = Directory.CreateTempSubdirectory("bilingual-serve-").FullName;
    private FakeTranslatorServer _backend = null!;
    private Process? _server;

    public async Task InitializeAsync() =>
        // Real latency on a real clock: the process under test has its own.
        _backend = await FakeTranslatorServer.StartAsync(new FakeTranslatorServerOptions { Latency = TimeSpan.FromMilliseconds(250) });

    public async Task DisposeAsync()
    {
        Stop();
        await _backend.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Serve_KilledMidJobAndRestarted_CompletesTheJobWithoutPayingTwice()
    {
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        await StartAsync(port, client);
        var seed = await File.ReadAllTextAsync(TranslateJob.SeedPath);
        // Three articles of distinct paragraphs: 36 paragraphs, two a request, one request at a time.
        var articles = Enumerable.Range(0, 3).Select(k => new { name = $"a{k}", text = seed.Replace("Loekasjenko", $"Loekasjenko{new string('x', k)}", StringComparison.Ordinal) });
        var accepted = await client.PostAsJsonAsync("/v1/jobs", new { articles });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        await UntilAsync(() => _backend.Requests.Count >= 4, "the backend to receive 4 requests");
        Stop();
        var beforeRestart = _backend.Requests.Count;
        await StartAsync(port, client);
        JsonElement job = default;
        await UntilAsync(async () =>
        {
            job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{id}");
            return job.GetProperty("status").GetString() is not ("queued" or "running");
        }, "the job to finish after the restart");

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.All(job.GetProperty("articles").EnumerateArray(), a => Assert.Equal("succeeded", a.GetProperty("status").GetString()));
        Assert.True(_backend.Requests.Count > beforeRestart, "the restarted server translated the rest");
        var texts = _backend.Requests.SelectMany(r => r.Texts).ToList();
        var repeated = texts.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Sum(g => g.Count() - 1);
        // Only the request in flight at the kill (at most two paragraphs) may go out again.
        Assert.InRange(repeated, 0, 2);
        // Identical paragraphs of different articles go out once: every distinct paragraph exactly that often.
        var distinct = articles.SelectMany(a => System.Text.RegularExpressions.Regex.Replace(a.text, @"^\uFEFF?\s*date \S+\s+", "")
            .ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(distinct, texts.Distinct(StringComparer.Ordinal).Count());
        var edition = await client.GetAsync($"/v1/jobs/{id}/articles/a2/edition");
        Assert.Equal(HttpStatusCode.OK, edition.StatusCode);
    }

    private async Task StartAsync(int port, HttpClient client)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "bilingual.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (var argument in new[] { executable, "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>
        {
            ["Translation__Backend"] = "azure",
            ["Translation__Azure__Endpoint"] = _backend.Endpoint.ToString(),
            ["Translation__Azure__Key"] = _backend.Options.Key,
            ["Translation__Azure__MaxElementsPerRequest"] = "2",
            ["Translation__Batching__MaxConcurrentRequests"] = "1",
            ["Cache__Path"] = Path.Combine(_root, "cache.db"),
            ["Api__ResultsDirectory"] = Path.Combine(_root, "jobs"),
            ["Api__Keys__process"] = Key,
            // The claims the killed process held on its request in flight are taken over when their lease runs out.
            ["Cache__ClaimLeaseSeconds"] = "10",
            ["Api__Clients__process__RequestsPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await UntilAsync(async () =>
        {
            try
            {
                return (await client.GetAsync("/health/live")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "bilingual serve to answer");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an OOM kill leaves it.</summary>
    private void Stop()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server?.Dispose();
        _server = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        // Bounded polling of another process on a real clock: 60 s at most.
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
