using System.Text.Json;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Reading;
using Bilingual.Core.Review;
using Bilingual.Core.Translation;
using Bilingual.Core.Validation;
using Bilingual.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Pipeline;

public sealed class ArticleFolderRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bilingual-runner-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Input => Path.Combine(_root, "in");

    private string Output => Path.Combine(_root, "out");

    private ArticleFolderRunner CreateRunner(ITranslationService? translation = null, JobStart? start = null, int watchRetries = 5)
    {
        var options = Options.Create(new PipelineOptions { InputDirectory = Input, OutputDirectory = Output, WatchIntervalMilliseconds = 50, WatchRetries = watchRetries });
        var pipeline = new ArticlePipeline(
            new ArticleReader(Options.Create(new ReadingOptions())),
            translation ?? new PrefixTranslationService(),
            new ParagraphAligner(new DotSegmenter(), new DiagonalAligner()),
            new NoCorrections(),
            new QualityChecker(new Dictionary<string, string>(), new ReviewOptions()),
            [new TextWriterDouble()],
            options,
            Options.Create(new TranslationOptions()),
            TimeProvider.System,
            NullLogger<ArticlePipeline>.Instance);
        return new ArticleFolderRunner(pipeline, options, TimeProvider.System, NullLogger<ArticleFolderRunner>.Instance, start);
    }

    [Fact]
    public async Task RunOnceAsync_Folder_ProcessesMatchingFilesInNameOrder()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "b.txt"), "Twee.");
        File.WriteAllText(Path.Combine(Input, "a.txt"), "Een.");
        File.WriteAllText(Path.Combine(Input, "notes.md"), "Not an article.");
        File.WriteAllText(Path.Combine(Input, ".hidden.txt"), "Editor swap file.");

        var report = await CreateRunner().RunOnceAsync(CancellationToken.None);

        Assert.Equal(["a", "b"], report.Articles.Select(a => a.Name));
    }

    [SkippableFact]
    public async Task RunOnceAsync_NamedPipeInFolder_SkippedAndTheOthersProcessed()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "a.txt"), "Een.");
        var pipe = Faults.MakeNamedPipe(Path.Combine(Input, "b.txt"));
        File.WriteAllText(Path.Combine(Input, "c.txt"), "Drie.");

        var report = await CreateRunner().RunOnceAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["a", "c"], report.Articles.Select(a => a.Name));
        Assert.True(report.Succeeded);
        File.Delete(pipe);
    }

    [Fact]
    public async Task RunOnceAsync_MissingInputFolder_SaysWhichFolderAndSetting()
    {
        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => CreateRunner().RunOnceAsync(CancellationToken.None));

        Assert.Contains(Input, error.Message, StringComparison.Ordinal);
        Assert.Contains("Pipeline:InputDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_FilesDropped_GoodOnesTranslatedBadOneMovedBesideItsReason()
    {
        Directory.CreateDirectory(Input);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watching = CreateRunner().WatchAsync(stop.Token);

        File.WriteAllText(Path.Combine(Input, "dropped.txt"), "Een nieuw artikel.");
        File.WriteAllBytes(Path.Combine(Input, "broken.txt"), [0xC3, 0x28, 0x41]);

        var failedNote = Path.Combine(Output, "failed", "broken.txt.reason.txt");
        while (!(File.Exists(Path.Combine(Output, "dropped.out")) && File.Exists(failedNote)) && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await watching;

        Assert.True(File.Exists(Path.Combine(Output, "dropped.out")), "the good article was not translated");
        Assert.True(File.Exists(Path.Combine(Output, "failed", "broken.txt")), "the bad article was not moved");
        Assert.False(File.Exists(Path.Combine(Input, "broken.txt")));
        Assert.Contains("invalid UTF-8", await File.ReadAllTextAsync(failedNote), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Input, "dropped.txt")), "a good article stays where it was");
    }

    [Fact]
    public async Task WatchAsync_LaterScanOfOnlyABadFile_RunJsonKeepsTheEarlierArticle()
    {
        Directory.CreateDirectory(Input);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watching = CreateRunner().WatchAsync(stop.Token);
        File.WriteAllText(Path.Combine(Input, "first.txt"), "Een nieuw artikel.");
        while (!File.Exists(Path.Combine(Output, "first.out")) && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        File.WriteAllBytes(Path.Combine(Input, "broken.txt"), [0xC3, 0x28, 0x41]);
        var failedNote = Path.Combine(Output, "failed", "broken.txt.reason.txt");
        while (!File.Exists(failedNote) && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await watching;

        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Output, "run.json")));
        var articles = report.RootElement.GetProperty("articles").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("status").GetString())).ToList();
        Assert.Contains(("first", "translated"), articles);
        Assert.Contains(("broken", "failed"), articles);
        Assert.Equal(2, report.RootElement.GetProperty("totals").GetProperty("articles").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("totals").GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task RunOnceAsync_StoreFailsHalfwayThroughTheRun_ThrowsAndRunJsonSaysWhyTheRunStopped()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "a.txt"), "Een.");
        var failure = new SetupException("Cache:Path", "/var/cache/x.db", "the disk is full", "free space");
        var translation = new ThrowingTranslationService(failure);
        var start = new JobStart([], translation, Options.Create(new PipelineOptions { InputDirectory = Input, OutputDirectory = Output }), TimeProvider.System, NullLogger<JobStart>.Instance);

        var error = await Assert.ThrowsAsync<SetupException>(() => CreateRunner(translation, start).RunOnceAsync(CancellationToken.None));

        Assert.Same(failure, error);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "run.json")));
        Assert.Equal(failure.Message, report.RootElement.GetProperty("stopped").GetString());
        var article = Assert.Single(report.RootElement.GetProperty("articles").EnumerateArray());
        Assert.Equal("failed", article.GetProperty("status").GetString());
        Assert.Contains("Cache:Path", article.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_SetupCheckFails_NothingReadAndRunJsonSaysWhy()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "a.txt"), "Een.");
        var translation = new PrefixTranslationService();
        var check = new FailingCheck(new SetupException("Cache:Path", "/x.db", "the file is damaged", "move it away"));
        var start = new JobStart([check], translation, Options.Create(new PipelineOptions { InputDirectory = Input, OutputDirectory = Output }), TimeProvider.System, NullLogger<JobStart>.Instance);

        await Assert.ThrowsAsync<SetupException>(() => CreateRunner(translation, start).RunOnceAsync(CancellationToken.None));

        Assert.Equal(0, translation.Calls);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "run.json")));
        Assert.Contains("damaged", report.RootElement.GetProperty("stopped").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_BackendOutage_KeepsTheArticleAndTranslatesItWhenTheBackendIsBack()
    {
        Directory.CreateDirectory(Input);
        var backend = new SwitchableTranslationService { Down = true };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watching = CreateRunner(backend, watchRetries: 1).WatchAsync(stop.Token);
        File.WriteAllText(Path.Combine(Input, "waiting.txt"), "Een artikel tijdens een storing.");

        // Four tries while the backend is down: more than the one retry allowed, but an outage does not count.
        while (backend.Calls < 4 && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        Assert.True(File.Exists(Path.Combine(Input, "waiting.txt")), "an outage emptied the input folder");
        Assert.False(Directory.Exists(Path.Combine(Output, "failed")));
        backend.Down = false;
        while (!File.Exists(Path.Combine(Output, "waiting.out")) && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await watching;
        Assert.True(File.Exists(Path.Combine(Output, "waiting.out")), "the article was not translated once the backend was back");
    }

    [Fact]
    public async Task WatchAsync_ArticleTheBackendKeepsRefusing_MovedToFailedAfterItsRetries()
    {
        Directory.CreateDirectory(Input);
        var backend = new PrefixTranslationService();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watching = CreateRunner(backend, watchRetries: 2).WatchAsync(stop.Token);
        File.WriteAllText(Path.Combine(Input, "good.txt"), "Een goed artikel.");
        File.WriteAllText(Path.Combine(Input, "refused.txt"), "Dit artikel FAIL altijd.");

        var failedNote = Path.Combine(Output, "failed", "refused.txt.reason.txt");
        while (!File.Exists(failedNote) && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await watching;
        Assert.True(File.Exists(failedNote), "the refused article was not moved");
        // One call for both articles, then the two retries of the refused one.
        Assert.Equal(3, backend.Calls);
        Assert.True(File.Exists(Path.Combine(Output, "good.out")));
    }

    /// <summary>A backend that refuses every paragraph while <see cref="Down"/> is set.</summary>
    private sealed class SwitchableTranslationService : ITranslationService
    {
        private int _calls;

        public volatile bool Down;

        public int Calls => Volatile.Read(ref _calls);

        public TranslatorDescriptor Descriptor { get; } = new("fake", "1", "", TranslatorLimits.Unbounded);

        public Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var down = Down;
            var results = paragraphs.Select(p => down
                ? new ParagraphTranslation(null, false, [1], "connection refused", Transient: true)
                : new ParagraphTranslation(new TranslatedText("EN: " + p), false, [1])).ToList();
            return Task.FromResult(new TranslationBatchResult(results, new TranslationStatistics(1, 1, 0, 0, 0, 0)));
        }
    }

    private sealed class ThrowingTranslationService(Exception exception) : ITranslationService
    {
        public TranslatorDescriptor Descriptor { get; } = new("fake", "1", "", TranslatorLimits.Unbounded);

        public Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken) =>
            Task.FromException<TranslationBatchResult>(exception);
    }

    private sealed class FailingCheck(SetupException exception) : ISetupCheck
    {
        public Task CheckAsync(CancellationToken cancellationToken) => Task.FromException(exception);
    }
}
