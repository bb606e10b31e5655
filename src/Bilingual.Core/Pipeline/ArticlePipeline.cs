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
    public async Task<RunReport> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var startedAt = time.GetUtcNow();
        var outputDirectory = options.Value.OutputDirectory;
        var (from, to) = (languages.Value.From, languages.Value.To);
        var reports = new Dictionary<string, ArticleReport>(StringComparer.Ordinal);

        // 1. Read every article; a file that cannot be read is reported and left behind.
        var articles = new List<Article>();
        foreach (var file in files)
        {
            try
            {
                var article = await reader.ReadAsync(file, from, cancellationToken);
                articles.Add(article);
                LogRead(article.Name, article.Paragraphs.Count);
            }
            catch (ArticleFormatException exception)
            {
                reports[file] = Failed(file, exception.Problem ?? exception.Message);
                LogFailed(file, exception.Message);
            }
        }

        // 2. Translate the paragraphs of all articles together, so the backend sees as few requests as its limits allow.
        var paragraphs = articles.SelectMany(a => a.Paragraphs.Select(p => p.Text)).ToList();
        var translated = paragraphs.Count == 0
            ? new TranslationBatchResult([], TranslationStatistics.Zero)
            : await translation.TranslateAsync(paragraphs, cancellationToken);

        // 3–5. Per article: align each paragraph with its translation, apply the reviewers' corrections, write every output.
        var offset = 0;
        foreach (var article in articles)
        {
            var results = translated.Paragraphs.Skip(offset).Take(article.Paragraphs.Count).ToList();
            offset += article.Paragraphs.Count;
            reports[article.SourcePath] = await CompleteAsync(article, results, from, to, outputDirectory, cancellationToken);
        }

        var ordered = files.Select(f => reports[f]).ToList();
        var statistics = translated.Statistics;
        var failures = ordered.Where(r => r.Error is not null).Select(r => new RunFailure(r.File, r.Error!)).ToList();
        var report = new RunReport(
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
                statistics.MeteredCharacters),
            failures);

        await RunReportFile.WriteAsync(report, outputDirectory, cancellationToken);
        LogRunDone(report.Totals.Succeeded, report.Totals.Articles, report.Totals.BackendCalls, report.Totals.CacheHits);
        return report;
    }

    private async Task<ArticleReport> CompleteAsync(
        Article article, List<ParagraphTranslation> results, string from, string to, string outputDirectory, CancellationToken cancellationToken)
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
            return Failed(article.SourcePath, reason) with { Paragraphs = article.Paragraphs.Count, CacheHits = hits, BackendRequests = requests };
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
            foreach (var writer in _writers)
            {
                outputs.Add(await writer.WriteAsync(document, outputDirectory, cancellationToken));
            }

            LogWritten(article.Name, outputs.Count);
            return new ArticleReport(
                article.Name,
                article.SourcePath,
                ArticleStatus.Translated,
                article.Paragraphs.Count,
                aligned.Sum(p => p.SourceSegments.Count),
                aligned.Sum(p => p.Beads.Count),
                hits,
                requests,
                outputs,
                null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One article's failure (a writer, a pathological paragraph) must not stop the others.
            LogFailed(article.SourcePath, exception.Message);
            return Failed(article.SourcePath, exception.Message) with { Paragraphs = article.Paragraphs.Count, CacheHits = hits, BackendRequests = requests };
        }
    }

    private static ArticleReport Failed(string file, string reason) =>
        new(Path.GetFileNameWithoutExtension(file), file, ArticleStatus.Failed, 0, 0, 0, 0, 0, [], reason);

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
