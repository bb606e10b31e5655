using Bilingual.Core.Documents;
using Bilingual.Core.Reading;
using Bilingual.Core.Review;
using Bilingual.Core.Translation;
using Bilingual.Core.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Pipeline;

/// <summary>The pipeline in one place, top to bottom: read → translate → segment and align → apply review corrections and check every bead → write.</summary>
internal sealed partial class ArticlePipeline(
    IArticleReader reader,
    ITranslationService translation,
    ParagraphAligner aligner,
    IReviewApplier review,
    IQualityChecker checker,
    IEnumerable<IDocumentWriter> writers,
    IOptions<PipelineOptions> options,
    IOptions<TranslationOptions> languages,
    TimeProvider time,
    ILogger<ArticlePipeline> logger) : IArticlePipeline
{
    private readonly IDocumentWriter[] _writers = [.. writers];

    /// <inheritdoc />
    public Task<RunReport> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) => RunAsync(files, null, cancellationToken);

    /// <inheritdoc />
    public async Task<RunReport> RunAsync(IReadOnlyList<string> files, RunReport? earlier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var startedAt = time.GetUtcNow();
        var outputDirectory = options.Value.OutputDirectory;
        var run = await TranslateAsync([.. files.Select(ArticleSource.FromFile)], outputDirectory, null, cancellationToken);
        var report = earlier is null ? Report(startedAt, run) : earlier.Then(Report(startedAt, run));
        await RunReportFile.WriteAsync(report, outputDirectory, cancellationToken);
        LogRunDone(report.Totals.Succeeded, report.Totals.Articles, report.Totals.BackendCalls, report.Totals.CacheHits);
        return report;
    }

    /// <inheritdoc />
    public async Task<TranslationRun> TranslateAsync(
        IReadOnlyList<ArticleSource> articles, string? outputDirectory, IArticleProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var (from, to) = (languages.Value.From, languages.Value.To);
        var reports = new ArticleReport?[articles.Count];

        // 1. Read every article; one that cannot be read is reported and left behind.
        var read = new Article?[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            var source = articles[i];
            try
            {
                read[i] = source.Text is null
                    ? await reader.ReadAsync(source.Path ?? throw new ArgumentException($"article {source.Name} has neither a path nor a text", nameof(articles)), from, cancellationToken)
                    : reader.Parse(source.Name, source.Text, from);
                LogRead(read[i]!.Name, read[i]!.Paragraphs.Count);
                if (progress is not null)
                {
                    await progress.ReadAsync(i, read[i], null);
                }
            }
            catch (ArticleFormatException exception)
            {
                reports[i] = Failed(source.Name, source.Label, exception.Problem ?? exception.Message);
                LogFailed(source.Label, exception.Message);
                if (progress is not null)
                {
                    await progress.ReadAsync(i, null, reports[i]);
                }
            }
        }

        // 2. Translate the paragraphs of all articles together, so the backend sees as few requests as its limits allow;
        // 3–5. each article is aligned, checked and written as soon as its own paragraphs are done.
        var owners = new List<int>();
        var paragraphs = new List<string>();
        for (var i = 0; i < read.Length; i++)
        {
            foreach (var paragraph in read[i]?.Paragraphs ?? [])
            {
                owners.Add(i);
                paragraphs.Add(paragraph.Text);
            }
        }

        var results = new ParagraphTranslation?[paragraphs.Count];
        var firstParagraph = new int[read.Length + 1];
        for (var i = 0; i < read.Length; i++)
        {
            firstParagraph[i + 1] = firstParagraph[i] + (read[i]?.Paragraphs.Count ?? 0);
        }

        var remaining = read.Select(a => a?.Paragraphs.Count ?? 0).ToArray();
        var completions = new List<Task>();
        void Settled(int k, ParagraphTranslation outcome)
        {
            results[k] = outcome;
            var i = owners[k];
            var left = Interlocked.Decrement(ref remaining[i]);
            progress?.ParagraphDone(i, read[i]!.Paragraphs.Count - left, read[i]!.Paragraphs.Count);
            if (left == 0)
            {
                lock (completions)
                {
                    completions.Add(Task.Run(() => CompleteAsync(i), CancellationToken.None));
                }
            }
        }

        async Task CompleteAsync(int i)
        {
            var article = read[i]!;
            var own = results[firstParagraph[i]..firstParagraph[i + 1]].Select(r => r!).ToList();
            var (report, document) = await this.CompleteAsync(article, own, from, to, outputDirectory, cancellationToken);
            reports[i] = report;
            if (progress is not null)
            {
                await progress.ArticleDoneAsync(i, report, document);
            }
        }

        var statistics = TranslationStatistics.Zero;
        try
        {
            if (paragraphs.Count > 0)
            {
                statistics = (await translation.TranslateAsync(paragraphs, Settled, cancellationToken)).Statistics;
            }
        }
        finally
        {
            // Articles already under way are finished (or see the cancellation) before the call returns.
            Task[] started;
            lock (completions)
            {
                started = [.. completions];
            }

            await Task.WhenAll(started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new TranslationRun([.. reports.Select(r => r!)], statistics);
    }

    private RunReport Report(DateTimeOffset startedAt, TranslationRun run)
    {
        var ordered = run.Articles;
        var statistics = run.Statistics;
        var failures = ordered.Where(r => r.Error is not null).Select(r => new RunFailure(r.File, r.Error!)).ToList();
        return new RunReport(
            startedAt,
            time.GetUtcNow(),
            translation.Descriptor.Name,
            translation.Descriptor.Version,
            translation.Descriptor.IsGloss,
            ordered,
            new RunTotals(
                ordered.Count,
                ordered.Count(r => r.Error is null),
                failures.Count,
                ordered.Sum(r => r.Paragraphs),
                statistics.BackendRequests,
                statistics.Attempts,
                statistics.CharactersSent,
                statistics.CacheHits,
                statistics.Throttled,
                statistics.MeteredCharacters,
                statistics.GlossaryMarkupCharacters),
            failures);
    }

    private async Task<(ArticleReport Report, BilingualDocument? Document)> CompleteAsync(
        Article article, List<ParagraphTranslation> results, string from, string to, string? outputDirectory, CancellationToken cancellationToken)
    {
        var requests = results.SelectMany(r => r.Requests).Distinct().Count();
        var hits = results.Count(r => r.FromCache);
        var errors = results.Select((r, i) => (r.Error, Index: i)).Where(e => e.Error is not null).ToList();
        if (errors.Count > 0)
        {
            var reason = errors.Count == 1
                ? $"paragraph {errors[0].Index + 1} was not translated: {errors[0].Error}"
                : $"{errors.Count} of {results.Count} paragraphs were not translated; first (paragraph {errors[0].Index + 1}): {errors[0].Error}";
            LogFailed(article.SourcePath, reason);
            return (Failed(article.Name, article.SourcePath, reason) with { Paragraphs = article.Paragraphs.Count, CacheHits = hits, BackendRequests = requests, Retryable = true, BackendUnavailable = errors.All(e => results[e.Index].Transient) }, null);
        }

        try
        {
            var aligned = new List<AlignedParagraph>(article.Paragraphs.Count);
            for (var i = 0; i < article.Paragraphs.Count; i++)
            {
                aligned.Add(aligner.Align(article.Paragraphs[i], results[i].Translation!, from, to));
                LogParagraph(article.Name, i + 1, article.Paragraphs.Count, results[i].FromCache ? "cache" : "backend", aligned[^1].Beads.Count);
            }

            var alignedDocument = new BilingualDocument(
                article.Name,
                from,
                to,
                article.Metadata,
                aligned,
                new Provenance(translation.Descriptor.Name, translation.Descriptor.Version, translation.Descriptor.IsGloss, requests, hits),
                time.GetUtcNow());
            var document = checker.CheckBeads(await review.ApplyAsync(alignedDocument, cancellationToken));

            var outputs = new List<string>(_writers.Length);
            foreach (var writer in outputDirectory is null ? [] : _writers)
            {
                outputs.Add(await writer.WriteAsync(document, outputDirectory!, cancellationToken));
            }

            LogWritten(article.Name, outputs.Count);
            return (new ArticleReport(
                article.Name,
                article.SourcePath,
                ArticleStatus.Translated,
                article.Paragraphs.Count,
                aligned.Sum(p => p.SourceSegments.Count),
                aligned.Sum(p => p.Beads.Count),
                hits,
                requests,
                outputs,
                null), document);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One article's failure (a writer, a pathological paragraph) must not stop the others.
            LogFailed(article.SourcePath, exception.Message);
            return (Failed(article.Name, article.SourcePath, exception.Message) with { Paragraphs = article.Paragraphs.Count, CacheHits = hits, BackendRequests = requests }, null);
        }
    }

    private static ArticleReport Failed(string name, string file, string reason) =>
        new(name, file, ArticleStatus.Failed, 0, 0, 0, 0, 0, [], reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Article}: read {Paragraphs} paragraphs")]
    private partial void LogRead(string article, int paragraphs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Article}: paragraph {Number}/{Count} translated ({Source}), {Beads} beads")]
    private partial void LogParagraph(string article, int number, int count, string source, int beads);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Article}: wrote {Outputs} outputs")]
    private partial void LogWritten(string article, int outputs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File}: failed: {Reason}")]
    private partial void LogFailed(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run finished: {Succeeded}/{Articles} articles written, {BackendCalls} backend requests, {CacheHits} cache hits")]
    private partial void LogRunDone(int succeeded, int articles, int backendCalls, int cacheHits);
}
