using System.CommandLine;
using System.Globalization;
using Bilingual.Core;
using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;
using Bilingual.Worker;
using Bilingual.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Worker.Commands;

public sealed class AlignCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("align-command-");
    private readonly StringWriter output = new(CultureInfo.InvariantCulture);
    private readonly StringWriter error = new(CultureInfo.InvariantCulture);
    private readonly FakeWriter tmxWriter = new("tmx");

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task RunAsync_PresegmentedBelarusWithBridge_PrintsBeadsMatchingGold()
    {
        var request = new AlignRequest(Fixture("source.nl.sentences"), Fixture("edition.en.sentences"), Bridge: Fixture("reference.en.sentences"), Presegmented: true);

        var code = await AlignCommand.RunAsync(request, Services(), output, error, CancellationToken.None);

        Assert.Equal(0, code);
        var beads = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(BeadFormat.Parse).ToList();
        var score = AlignmentScore.Score(BeadFormat.Read(Fixture("gold.align")), beads);
        Assert.True(score.F1Strict >= 0.95, $"strict F1 {score.F1Strict:0.000}");
    }

    [Fact]
    public async Task RunAsync_GoldWithOutputFile_WritesBeadsAndPrintsScores()
    {
        var beadsPath = Path.Combine(folder.FullName, "out.align");
        var request = new AlignRequest(Fixture("source.nl.sentences"), Fixture("edition.en.sentences"), Presegmented: true, Out: beadsPath, Gold: Fixture("gold.align"));

        var code = await AlignCommand.RunAsync(request, Services(), output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(BeadFormat.Read(beadsPath).Count, File.ReadAllLines(beadsPath).Length);
        Assert.Matches(@"strict P \d\.\d{3} R \d\.\d{3} F1 (0\.9\d\d|1\.000); lax", output.ToString());
    }

    [Fact]
    public async Task RunAsync_InvalidAlignmentOption_NamesTheSettingAndExitsWithTwo()
    {
        using var services = Services(new Dictionary<string, string?> { ["Alignment:BandWidth"] = "1" });

        var code = await AlignCommand.RunAsync(new AlignRequest(Fixture("source.nl.sentences"), Fixture("edition.en.sentences"), Presegmented: true), services, output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.SetupError, code);
        Assert.Contains("configuration error", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("BandWidth", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("between 2 and 500", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingSource_NamesTheFileAndExitsWithTwo()
    {
        var missing = Path.Combine(folder.FullName, "nope.txt");

        var code = await AlignCommand.RunAsync(new AlignRequest(missing, Fixture("edition.en.sentences"), Presegmented: true), Services(), output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.SetupError, code);
        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("file not found", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BridgeWithWrongLineCount_NamesTheBridgeAndExitsWithTwo()
    {
        var bridge = Write("bridge.txt", "one line only\n");

        var code = await AlignCommand.RunAsync(new AlignRequest(Fixture("source.nl.sentences"), Fixture("edition.en.sentences"), Bridge: bridge, Presegmented: true), Services(), output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.SetupError, code);
        Assert.Contains(bridge, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ArticlesWithoutPresegmented_SegmentsWithTheRegisteredSegmenter()
    {
        var source = Write("a.nl.txt", "date 2023-04 Poetin kwam. Hij bleef twee dagen.\n\nDaarna vertrok hij naar Minsk.\n");
        var target = Write("a.en.txt", "Putin came. He stayed for two days.\n\nThen he left for Minsk.\n");

        var code = await AlignCommand.RunAsync(new AlignRequest(source, target), Services(), output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal("[0]:[0]\n[1]:[1]\n[2]:[2]\n", output.ToString());
    }

    [Fact]
    public async Task RunAsync_FormatTmx_BuildsAHumanDocumentAndCallsTheKeyedWriter()
    {
        var outPath = Path.Combine(folder.FullName, "belarus.tmx");
        var request = new AlignRequest(Fixture("source.nl.sentences"), Fixture("edition.en.sentences"), Presegmented: true, Format: "tmx", Out: outPath);

        var code = await AlignCommand.RunAsync(request, Services(), output, error, CancellationToken.None);

        Assert.Equal(0, code);
        var document = Assert.Single(tmxWriter.Documents);
        Assert.Equal("human", document.Provenance.Backend);
        Assert.Equal("belarus", document.Name);
        Assert.Equal(12, document.Paragraphs.Count);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), document.CreatedAt);
        Assert.All(document.Paragraphs, p => Assert.All(p.Beads, b => Assert.All(b.Source, i => Assert.InRange(i, 0, p.SourceSegments.Count - 1))));
        Assert.Contains(document.Paragraphs, p => p.IsHeading && p.SourceText == "Kernwapens");
        Assert.True(File.Exists(outPath));
    }

    [Fact]
    public async Task RunAsync_Pairs_AlignsEveryPairAndPrintsPooledScores()
    {
        var list = Write("pairs.tsv", string.Join('\n',
            $"{Fixture("source.nl.sentences")}\t{Fixture("edition.en.sentences")}\t\tone.align\t{Fixture("gold.align")}",
            $"{Fixture("source.nl.sentences")}\t{Fixture("edition.en.sentences")}\t{Fixture("reference.en.sentences")}\ttwo.align\t{Fixture("gold.align")}") + "\n");

        var code = await AlignCommand.RunAsync(new AlignRequest(null, null, Presegmented: true, Pairs: list), Services(), output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(folder.FullName, "one.align")));
        Assert.True(File.Exists(Path.Combine(folder.FullName, "two.align")));
        Assert.Contains("all (2 pairs): strict", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ParsesTheCommandLine_AndRunsTheAlignment()
    {
        var command = AlignCommand.Create(_ => Services());
        var configuration = new InvocationConfiguration { Output = output, Error = error };

        var code = await command.Parse(["--presegmented", "--bridge", Fixture("reference.en.sentences"), Fixture("source.nl.sentences"), Fixture("edition.en.sentences")])
            .InvokeAsync(configuration, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.StartsWith("[0]:[0]\n[1]:[1]\n[2]:[2, 3]\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownFormat_IsAParseError()
    {
        var command = AlignCommand.Create(_ => Services());

        var result = command.Parse(["--format", "docx", "a", "b"]);

        Assert.NotEmpty(result.Errors);
    }

    private static string Fixture(string name) => TestPaths.Fixture("belarus-2023-04", name);

    private string Write(string name, string contents)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, contents);
        return path;
    }

    [SkippableFact]
    public async Task RunAsync_PresegmentedBelarusWithoutBridge_UsesTheDictionaryAndMatchesGold()
    {
        Bilingual.Tests.Translation.Offline.OfflineDictionary.Require();
        var request = new AlignRequest(Fixture("source.nl.sentences"), Fixture("edition.en.sentences"), Presegmented: true);
        using var services = Services(new Dictionary<string, string?> { ["Translation:From"] = "nl", ["Translation:To"] = "en" });

        var code = await AlignCommand.RunAsync(request, services, output, error, CancellationToken.None);

        Assert.Equal(0, code);
        var beads = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(BeadFormat.Parse).ToList();
        var score = AlignmentScore.Score(BeadFormat.Read(Fixture("gold.align")), beads);
        Assert.True(score.F1Strict >= 0.95, $"strict F1 {score.F1Strict:0.000}");
    }

    /// <summary>Every stage as the command gets it, with a period segmenter, a recording TMX writer and a fixed clock in place of the real ones.</summary>
    private ServiceProvider Services(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddBilingual();
        // The last registration of a service is the one resolved.
        services.AddSingleton<ISentenceSegmenter, PeriodSegmenter>();
        services.AddKeyedSingleton<IDocumentWriter>(WriterKeys.Tmx, tmxWriter);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        return services.BuildServiceProvider();
    }

    /// <summary>A test double: a sentence ends at a period followed by a space.</summary>
    private sealed class PeriodSegmenter : ISentenceSegmenter
    {
        public IReadOnlyList<Segment> Split(string text, string language)
        {
            var segments = new List<Segment>();
            var start = 0;
            for (var k = 0; k <= text.Length; k++)
            {
                if (k == text.Length || (text[k] == ' ' && k > 0 && text[k - 1] == '.'))
                {
                    if (k > start)
                    {
                        segments.Add(new Segment(segments.Count, start, text[start..k]));
                    }

                    start = k + 1;
                }
            }

            return segments;
        }
    }

    /// <summary>A test double for a keyed writer: records the documents and writes an empty file.</summary>
    private sealed class FakeWriter(string extension) : IDocumentWriter
    {
        public List<BilingualDocument> Documents { get; } = [];

        public async Task<string> WriteAsync(BilingualDocument document, string outputDirectory, CancellationToken cancellationToken)
        {
            Documents.Add(document);
            var path = Path.Combine(outputDirectory, $"{document.Name}.{extension}");
            await File.WriteAllTextAsync(path, "", cancellationToken);
            return path;
        }
    }
}
