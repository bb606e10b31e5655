using System.Globalization;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Writing;

namespace Bilingual.Tests.EndToEnd;

/// <summary>The translate job pointed, through configuration alone, at a local fake of the Translator v3 API.</summary>
public sealed class AzureTranslateJobTests : IDisposable
{
    private readonly TranslateJob _job = new();

    public void Dispose() => _job.Dispose();

    private static Dictionary<string, string?> Settings(FakeTranslatorServer server) => new()
    {
        ["Translation:Azure:Endpoint"] = server.Endpoint.ToString(),
        ["Translation:Azure:Key"] = server.Options.Key,
        ["Translation:Azure:Region"] = "westeurope",
        ["Translation:Azure:RetryDelay"] = "00:00:00.010",
    };

    [Fact]
    public async Task Run_SeedAgainstFake_OneRequestAlignedByTheReturnedSentenceLengths()
    {
        await using var server = await FakeTranslatorServer.StartAsync(new FakeTranslatorServerOptions { RequiredRegion = "westeurope" });
        _job.AddSeed();

        var exitCode = await _job.RunAsync(Settings(server));

        Assert.Equal(0, exitCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal(12, request.Texts.Count);
        var report = _job.RunReport();
        Assert.Equal("azure", report.GetProperty("backend").GetString());
        Assert.False(report.GetProperty("isGloss").GetBoolean());
        Assert.Equal(1, report.GetProperty("totals").GetProperty("backendCalls").GetInt32());

        var memory = await TmxReader.ReadAsync(_job.OutputFile(TranslateJob.SeedName + ".tmx"), CancellationToken.None);
        Assert.Equal(29, memory.Units.Count);
        // Beads projected from sentLen carry the projection's confidence, not an aligner's guess.
        Assert.All(memory.Units, u => Assert.True(double.Parse(u.Properties["x-score"], CultureInfo.InvariantCulture) >= 0.9, u.Source));
        Assert.All(memory.Units, u => Assert.Equal("azure", u.Properties["x-backend"]));
        Assert.DoesNotContain("mstrans", await File.ReadAllTextAsync(_job.OutputFile(TranslateJob.SeedName + ".en.txt")), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Options.Key, await File.ReadAllTextAsync(_job.OutputFile("run.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HalfTheResponsesFailTransiently_EveryParagraphArrivesAndOutputsMatchACleanRun()
    {
        string clean;
        await using (var healthy = await FakeTranslatorServer.StartAsync())
        using (var cleanJob = new TranslateJob())
        {
            cleanJob.AddSeed();
            Assert.Equal(0, await cleanJob.RunAsync(Settings(healthy)));
            clean = await File.ReadAllTextAsync(cleanJob.OutputFile(TranslateJob.SeedName + ".en.txt"));
        }

        await using var flaky = await FakeTranslatorServer.StartAsync(new FakeTranslatorServerOptions { TransientFailureRate = 0.5 });
        _job.AddSeed();

        var exitCode = await _job.RunAsync(Settings(flaky));

        Assert.Equal(0, exitCode);
        Assert.True(flaky.Requests.Count >= 2, "the fake never failed a request");
        var totals = _job.RunReport().GetProperty("totals");
        Assert.True(totals.GetProperty("attempts").GetInt32() > totals.GetProperty("backendCalls").GetInt32());
        Assert.Equal(clean, await File.ReadAllTextAsync(_job.OutputFile(TranslateJob.SeedName + ".en.txt")));
    }

    [Fact]
    public async Task Run_GlossaryMarkupAndSmallRequests_RunJsonTotalsEqualWhatTheServerReceivedAndMetered()
    {
        // The reported run.json said backendCalls 65 and charactersSent 610,268 while the service received 43 requests
        // carrying 482,225 characters: batches the markup pushed over the limit were counted without being sent.
        await using var server = await FakeTranslatorServer.StartAsync();
        for (var a = 0; a < 6; a++)
        {
            _job.Add($"artikel{a}.txt", string.Join("\n\n", Enumerable.Range(0, 25).Select(p =>
                $"Alinea {a}.{p}: Poetin sprak met de Navo over Oekraïne, en de Navo antwoordde Poetin.")));
        }

        var settings = Settings(server);
        settings["Translation:Azure:CharactersPerMinute"] = "20000";
        settings["Translation:Azure:RateWindow"] = "00:00:01";

        Assert.Equal(0, await _job.RunAsync(settings));

        var totals = _job.RunReport().GetProperty("totals");
        var received = server.Requests.ToArray();
        var sent = received.Sum(r => r.Texts.Sum(t => (long)t.Length));
        Assert.Equal(150, totals.GetProperty("paragraphs").GetInt32());
        Assert.True(received.Length > 1, "everything went in one request");
        Assert.Equal(received.Length, totals.GetProperty("backendCalls").GetInt32());
        Assert.Equal(received.Length, totals.GetProperty("attempts").GetInt32());
        Assert.Equal(sent, totals.GetProperty("charactersSent").GetInt64());
        Assert.Equal(server.CharactersTranslated, totals.GetProperty("meteredCharacters").GetInt64());
        var markup = totals.GetProperty("glossaryMarkupCharacters").GetInt64();
        Assert.True(markup > 0, "no glossary markup was counted");
        var unmarked = received.Sum(r => r.Texts.Sum(t => (long)System.Text.RegularExpressions.Regex.Replace(
            t, @"<mstrans:dictionary translation=""[^""]*"">(.*?)</mstrans:dictionary>", "$1").Length));
        Assert.Equal(sent - unmarked, markup);
    }

    [Fact]
    public async Task Run_WrongKey_ArticleFailsWithAClearReasonAndTheKeyNowhere()
    {
        await using var server = await FakeTranslatorServer.StartAsync();
        _job.AddSeed();
        var settings = Settings(server);
        settings["Translation:Azure:Key"] = "wrong-key-0123456789abcdef";

        var exitCode = await _job.RunAsync(settings);

        Assert.Equal(1, exitCode);
        var reason = _job.RunReport().GetProperty("failures")[0].GetProperty("reason").GetString();
        Assert.Contains("key", reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong-key-0123456789abcdef", await File.ReadAllTextAsync(_job.OutputFile("run.json")), StringComparison.Ordinal);
        Assert.False(File.Exists(_job.OutputFile(TranslateJob.SeedName + ".tmx")));
    }

    [Fact]
    public async Task Run_MegabyteParagraph_IsSplitAcrossRequestsAndJoinedBack()
    {
        await using var server = await FakeTranslatorServer.StartAsync();
        const string sentence = "Dit is een zin in een zeer lange alinea over Minsk. ";
        var paragraph = string.Concat(Enumerable.Repeat(sentence, (1 << 20) / sentence.Length + 1)).TrimEnd();
        _job.Add("long.txt", "date 2023-04 " + paragraph);

        var exitCode = await _job.RunAsync(Settings(server));

        Assert.Equal(0, exitCode);
        Assert.True(server.Requests.Count >= 21, $"{server.Requests.Count} requests for a 1 MB paragraph");
        Assert.All(server.Requests, r => Assert.True(r.Texts.Sum(t => t.Length) <= 50_000));
        var edition = await File.ReadAllLinesAsync(_job.OutputFile("long.en.txt"));
        var translated = edition.Single(l => l.Length > 100_000);
        Assert.Equal(paragraph.Split(". ").Length, translated.Split(". ").Length);
    }
}
