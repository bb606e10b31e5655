using System.Xml.Linq;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.EndToEnd;

/// <summary>The README's run command on the embedded defaults: the offline backend, no keys, no servers.</summary>
public sealed class OfflineTranslateJobTests : IDisposable
{
    private readonly TranslateJob _job = new();

    public void Dispose() => _job.Dispose();

    [SkippableFact]
    public async Task Run_Seed_WritesFourOutputsWithEverySegmentTranslated()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();

        var exitCode = await _job.RunAsync();

        Assert.Equal(0, exitCode);
        foreach (var name in new[] { ".en.txt", ".html", ".tmx", ".xlf" })
        {
            Assert.True(File.Exists(_job.OutputFile(TranslateJob.SeedName + name)), $"missing {name}");
        }

        var report = _job.RunReport();
        Assert.Equal("offline", report.GetProperty("backend").GetString());
        Assert.True(report.GetProperty("isGloss").GetBoolean());
        Assert.Equal(1, report.GetProperty("totals").GetProperty("backendCalls").GetInt32());
        Assert.Equal(12, report.GetProperty("totals").GetProperty("paragraphs").GetInt32());

        // A gloss is no translation: the TMX holds none of it, the XLIFF offers it for reference only.
        var memory = await TmxReader.ReadAsync(_job.OutputFile(TranslateJob.SeedName + ".tmx"), CancellationToken.None);
        Assert.Empty(memory.Units);
        Assert.Equal("29", memory.Properties.GetValueOrDefault("x-gloss-beads"));
        XNamespace x = "urn:oasis:names:tc:xliff:document:1.2";
        var xliff = XDocument.Load(_job.OutputFile(TranslateJob.SeedName + ".xlf"));
        var gold = File.ReadAllLines(TestPaths.Fixture("belarus-2023-04", "source.nl.sentences")).Where(l => l.Length > 0).ToList();
        Assert.Equal(29, gold.Count);
        Assert.Equal(gold, xliff.Descendants(x + "seg-source").Elements(x + "mrk").Select(m => m.Value));
        Assert.Equal(gold, xliff.Descendants(x + "trans-unit").Elements(x + "target").Elements(x + "mrk").Select(m => m.Value));
        Assert.All(xliff.Descendants(x + "trans-unit"), u => Assert.Equal("needs-translation", (string?)u.Element(x + "target")!.Attribute("state")));
        var glosses = xliff.Descendants(x + "alt-trans").ToList();
        Assert.Equal(29, glosses.Count);
        Assert.All(glosses, a => Assert.Equal("reference", (string?)a.Attribute("alttranstype")));
        Assert.Contains(glosses, a => a.Element(x + "target")!.Value == "Nuclear weapons");

        var edition = await File.ReadAllTextAsync(_job.OutputFile(TranslateJob.SeedName + ".en.txt"));
        Assert.StartsWith("date 2023-04", edition, StringComparison.Ordinal);
        Assert.Contains("gloss", edition, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Putin", edition, StringComparison.Ordinal);
        Assert.DoesNotContain("Poetin", edition, StringComparison.Ordinal);

        var page = await File.ReadAllTextAsync(_job.OutputFile(TranslateJob.SeedName + ".html"));
        Assert.Contains("lang=\"nl\"", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Run_Twice_SecondRunMakesNoBackendCallsAndWritesTheSameEdition()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        Assert.Equal(0, await _job.RunAsync());
        var first = await File.ReadAllTextAsync(_job.OutputFile(TranslateJob.SeedName + ".en.txt"));

        Assert.Equal(0, await _job.RunAsync());

        var totals = _job.RunReport().GetProperty("totals");
        Assert.Equal(0, totals.GetProperty("backendCalls").GetInt32());
        Assert.Equal(0, totals.GetProperty("charactersSent").GetInt64());
        Assert.Equal(12, totals.GetProperty("cacheHits").GetInt32());
        Assert.Equal(first, await File.ReadAllTextAsync(_job.OutputFile(TranslateJob.SeedName + ".en.txt")));
    }

    [SkippableFact]
    public async Task Run_BadFilesBesideTheSeed_SeedAndHostileArticleWrittenBadOnesReported()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        var empty = _job.Add("empty.txt", "");
        var metadataOnly = _job.Add("metadata-only.txt", "date 2023-04\n");
        var binary = _job.Add("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]);
        var latin1 = _job.Add("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x2E]);
        _job.Add("odd name & <tags> 'quotes'.txt", "date 2023-04-05 Poetin schreef <script>alert(1)</script> & \"meer\" </td> in\u0007 Minsk.\n\nKop");

        var exitCode = await _job.RunAsync();

        Assert.Equal(1, exitCode);
        var report = _job.RunReport();
        var failures = report.GetProperty("failures").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("reason").GetString()!);
        Assert.Equal(4, failures.Count);
        Assert.Contains("empty", failures[empty], StringComparison.Ordinal);
        Assert.Contains("only metadata", failures[metadataOnly], StringComparison.Ordinal);
        Assert.Contains("binary", failures[binary], StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", failures[latin1], StringComparison.Ordinal);
        Assert.Equal(2, report.GetProperty("totals").GetProperty("succeeded").GetInt32());

        Assert.True(File.Exists(_job.OutputFile(TranslateJob.SeedName + ".tmx")));
        var page = await File.ReadAllTextAsync(_job.OutputFile("odd name & <tags> 'quotes'.html"));
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        var xliff = XDocument.Load(_job.OutputFile("odd name & <tags> 'quotes'.xlf"));
        Assert.Contains(xliff.Descendants().Where(e => e.Name.LocalName == "source"), u => u.Value.Contains("<script>alert(1)</script> & \"meer\" </td>", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_job.Output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Run_MissingInputFolder_ExitsWithSetupError()
    {
        Directory.Delete(_job.Input);

        Assert.Equal(2, await _job.RunAsync());
    }

    [Fact]
    public async Task Run_AzureSelectedWithoutKey_ExitsWithConfigurationError()
    {
        _job.AddSeed();

        var exitCode = await _job.RunAsync(new Dictionary<string, string?> { ["Translation:Backend"] = "azure", ["Translation:Azure:Key"] = "" });

        Assert.Equal(2, exitCode);
        Assert.False(File.Exists(_job.OutputFile("run.json")));
    }
}
