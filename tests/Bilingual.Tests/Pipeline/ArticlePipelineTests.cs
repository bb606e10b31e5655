using System.Text.Json;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Reading;
using Bilingual.Core.Review;
using Bilingual.Core.Translation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Pipeline;

public sealed class ArticlePipelineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bilingual-pipeline-").FullName;
    private readonly PrefixTranslationService _translation = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Input => Path.Combine(_root, "in");

    private string Output => Path.Combine(_root, "out");

    private ArticlePipeline CreatePipeline() => new(
        new ArticleReader(Options.Create(new ReadingOptions())),
        _translation,
        new ParagraphAligner(new DotSegmenter(), new DiagonalAligner()),
            new NoCorrections(),
            new QualityChecker(new Dictionary<string, string>(), new ReviewOptions()),
        [new TextWriterDouble()],
        Options.Create(new PipelineOptions { InputDirectory = Input, OutputDirectory = Output }),
        Options.Create(new TranslationOptions()),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)),
        NullLogger<ArticlePipeline>.Instance);

    private string Article(string name, string text)
    {
        Directory.CreateDirectory(Input);
        var path = Path.Combine(Input, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task RunAsync_BadFilesAmongGood_GoodOnesAreWrittenBadOnesReported()
    {
        var good = Article("a-good.txt", "date 2023-04 Eerste zin. Tweede zin.\n\nKop\n\nDerde zin.");
        var empty = Article("b-empty.txt", "");
        var binary = Path.Combine(Input, "c-binary.txt");
        File.WriteAllBytes(binary, [0x00, 0x01, 0x02]);
        var alsoGood = Article("d-good.txt", "Nog een artikel.");

        var report = await CreatePipeline().RunAsync([good, empty, binary, alsoGood], CancellationToken.None);

        Assert.Equal(["translated", "failed", "failed", "translated"], report.Articles.Select(a => a.Status));
        Assert.Equal(2, report.Totals.Failed);
        Assert.Equal([empty, binary], report.Failures.Select(f => f.File));
        Assert.Contains("empty", report.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("binary", report.Failures[1].Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, "a-good.out")));
        Assert.True(File.Exists(Path.Combine(Output, "d-good.out")));
        Assert.Equal(1, _translation.Calls);
    }

    [Fact]
    public async Task RunAsync_OneParagraphFailsToTranslate_ThatArticleFailsTheOtherCompletes()
    {
        var bad = Article("bad.txt", "Goed.\n\nDit FAIL faalt.");
        var good = Article("good.txt", "Prima.");

        var report = await CreatePipeline().RunAsync([bad, good], CancellationToken.None);

        Assert.Equal("failed", report.Articles[0].Status);
        Assert.Contains("paragraph 2 was not translated", report.Articles[0].Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Output, "bad.out")));
        Assert.Equal("translated", report.Articles[1].Status);
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task RunAsync_WriterThrows_OnlyThatArticleFails()
    {
        var explode = Article("explode.txt", "Een zin.");
        var good = Article("fine.txt", "Een zin.");

        var report = await CreatePipeline().RunAsync([explode, good], CancellationToken.None);

        Assert.Equal("disk full (simulated)", report.Articles[0].Error);
        Assert.Equal("translated", report.Articles[1].Status);
    }

    [Fact]
    public async Task RunAsync_Always_WritesRunJsonWithTotalsAndFailures()
    {
        var good = Article("good.txt", "date 2023-04 Een. Twee.\n\nDrie.");
        var empty = Article("empty.txt", "");

        await CreatePipeline().RunAsync([good, empty], CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Output, "run.json")));
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("articles").GetInt32());
        Assert.Equal(1, totals.GetProperty("succeeded").GetInt32());
        Assert.Equal(2, totals.GetProperty("paragraphs").GetInt32());
        Assert.Equal(1, totals.GetProperty("backendCalls").GetInt32());
        Assert.Equal("fake", json.RootElement.GetProperty("backend").GetString());
        var failure = json.RootElement.GetProperty("failures")[0];
        Assert.Equal(empty, failure.GetProperty("file").GetString());
        Assert.Equal("the file is empty", failure.GetProperty("reason").GetString());
        var article = json.RootElement.GetProperty("articles")[0];
        Assert.Equal(3, article.GetProperty("segments").GetInt32());
        Assert.Empty(Directory.GetFiles(Output, "*.tmp"));
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        var good = Article("good.txt", "Een.");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreatePipeline().RunAsync([good], cancelled.Token));
    }
}
