using System.Globalization;
using Bilingual.Core.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// Feeds the pipeline from the input folder: once (every article there), or watching for files dropped
/// into it. In watch mode a file that fails is moved into the failed folder beside a note of its reason.
/// </summary>
public sealed partial class ArticleFolderRunner(
    IArticlePipeline pipeline,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<ArticleFolderRunner> logger,
    JobStart? start = null)
{
    private readonly ArticleEntryFilter _entries = new(logger);

    /// <summary>Processes every article in the input folder once.</summary>
    /// <exception cref="DirectoryNotFoundException">The input folder does not exist.</exception>
    /// <exception cref="Validation.SetupException">The output folder or a store is unusable (<c>run.json</c> says so where it can be written).</exception>
    public async Task<RunReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        var files = ListArticles();
        if (files.Count == 0)
        {
            LogNoArticles(Path.GetFullPath(options.Value.InputDirectory), options.Value.FilePattern);
        }

        if (start is not null)
        {
            await start.PrepareAsync(files, cancellationToken);
        }

        try
        {
            return await pipeline.RunAsync(files, cancellationToken);
        }
        catch (Exception exception) when (start is not null && exception is not OperationCanceledException)
        {
            await start.ReportStoppedAsync(files, exception);
            throw;
        }
    }

    /// <summary>
    /// Processes the articles in the input folder, then keeps watching it until cancelled. A file is taken once
    /// its size and time stamp have stayed the same over one scan interval (so a file still being copied waits),
    /// and again whenever it changes.
    /// </summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.WatchIntervalMilliseconds);
        var lastSeen = new Dictionary<string, (long Length, DateTime Written)>(StringComparer.Ordinal);
        var processed = new Dictionary<string, (long Length, DateTime Written)>(StringComparer.Ordinal);
        // run.json keeps the whole watch: each scan's report is added to what the earlier scans did.
        RunReport? history = null;
        var retries = new Dictionary<string, (int Attempts, DateTimeOffset NotBefore)>(StringComparer.Ordinal);
        var outages = 0;
        LogWatching(Path.GetFullPath(options.Value.InputDirectory));
        if (start is not null)
        {
            await start.PrepareAsync([], cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var ready = new List<string>();
            var current = new Dictionary<string, (long Length, DateTime Written)>(StringComparer.Ordinal);
            foreach (var file in ListArticles())
            {
                var info = new FileInfo(file);
                if (!info.Exists)
                {
                    continue;
                }

                var signature = (info.Length, info.LastWriteTimeUtc);
                current[file] = signature;
                var stable = lastSeen.TryGetValue(file, out var before) && before == signature;
                var done = processed.TryGetValue(file, out var handled) && handled == signature;
                var waiting = retries.TryGetValue(file, out var retry) && retry.NotBefore > time.GetUtcNow();
                if (stable && !done && !waiting)
                {
                    ready.Add(file);
                }
            }

            lastSeen = current;
            if (ready.Count > 0)
            {
                var report = await pipeline.RunAsync(ready, history, cancellationToken);
                history = report;
                foreach (var file in ready)
                {
                    processed[file] = current[file];
                }

                var scanned = report.Articles.Where(a => ready.Contains(a.File)).ToList();
                // An outage: the articles that failed met a backend that could not be reached. Their tries do not count.
                var outage = scanned.Any(a => a.BackendUnavailable);
                outages = outage ? outages + 1 : 0;
                foreach (var article in scanned)
                {
                    if (article.Error is null)
                    {
                        retries.Remove(article.File);
                        continue;
                    }

                    var unavailable = article.BackendUnavailable;
                    var attempts = retries.GetValueOrDefault(article.File).Attempts + (unavailable ? 0 : 1);
                    if (article.Retryable && attempts <= options.Value.WatchRetries)
                    {
                        var wait = Backoff(interval, unavailable ? outages : attempts);
                        retries[article.File] = (attempts, time.GetUtcNow() + wait);
                        processed.Remove(article.File);
                        LogRetry(article.File, wait.TotalSeconds, attempts, options.Value.WatchRetries, article.Error);
                        continue;
                    }

                    retries.Remove(article.File);
                    await MoveToFailedAsync(new RunFailure(article.File, article.Error), cancellationToken);
                    processed.Remove(article.File);
                }
            }

            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The wait before the <paramref name="attempt"/>th retry: the scan interval doubled each time, at most 5 minutes.</summary>
    internal static TimeSpan Backoff(TimeSpan interval, int attempt) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, interval.Ticks * (1L << Math.Clamp(attempt, 0, 30))));

    private List<string> ListArticles()
    {
        var input = options.Value.InputDirectory;
        if (!Directory.Exists(input))
        {
            throw new DirectoryNotFoundException($"{Path.GetFullPath(input)}: the input folder (Pipeline:InputDirectory) does not exist");
        }

        var files = Directory.GetFiles(input, options.Value.FilePattern, SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && _entries.IsArticle(f))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private async Task MoveToFailedAsync(RunFailure failure, CancellationToken cancellationToken)
    {
        var folder = options.Value.ResolveFailedDirectory();
        Directory.CreateDirectory(folder);
        var name = Path.GetFileName(failure.File);
        var target = Path.Combine(folder, name);
        if (File.Exists(target))
        {
            // Keep the earlier failure too: a reviewer may want to compare them.
            var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}.{stamp}{Path.GetExtension(name)}");
        }

        try
        {
            File.Move(failure.File, target);
            await AtomicFile.WriteAllTextAsync(target + ".reason.txt", $"{failure.File}\n{failure.Reason}\n", cancellationToken);
            LogMovedToFailed(failure.File, target);
        }
        catch (IOException exception)
        {
            LogMoveFailed(failure.File, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No articles matching {Pattern} in {Folder}")]
    private partial void LogNoArticles(string folder, string pattern);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} was not translated; trying again in {Seconds:0.#} s (try {Attempt} of {Retries} retries): {Reason}")]
    private partial void LogRetry(string file, double seconds, int attempt, int retries, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Folder} for articles (Ctrl+C stops)")]
    private partial void LogWatching(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} failed and was moved to {Target}, beside a note of the reason")]
    private partial void LogMovedToFailed(string file, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} failed and could not be moved to the failed folder: {Reason}")]
    private partial void LogMoveFailed(string file, string reason);
}
