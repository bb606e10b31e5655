using System.Diagnostics;
using Bilingual.Core.Documents;
using Bilingual.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Jobs;

/// <summary>
/// Works the queued jobs: at start it re-queues every job the store holds as queued or running (a running one was
/// interrupted when its process died: its finished articles are kept, the cache holds the paragraphs already paid
/// for, so only the rest goes to the backend), then runs them as they come, <see cref="JobOptions.ConcurrentJobs"/>
/// at a time, and deletes jobs whose results expired once an hour.
/// </summary>
internal sealed partial class JobRunner(
    IJobStore store,
    JobQueue queue,
    TranslationJobs jobs,
    IArticlePipelineFactory pipelines,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var id in await store.ListUnfinishedAsync(stoppingToken))
        {
            LogResumed(id);
            queue.Enqueue(id);
        }

        var workers = Enumerable.Range(0, options.Value.ConcurrentJobs).Select(_ => WorkAsync(stoppingToken)).ToList();
        workers.Add(SweepAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                await RunAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a job under way stays "running" in the store and resumes at the next start.
        }
    }

    /// <summary>Runs one job to its end (or to the process's), storing every article as it finishes.</summary>
    internal async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        var job = await store.GetAsync(id, stoppingToken);
        if (job is null || job.IsFinished)
        {
            return;
        }

        using var activity = JobTelemetry.Source.StartActivity("job");
        activity?.SetTag("bilingual.job.id", id);
        activity?.SetTag("bilingual.job.articles", job.Articles.Count);
        var progress = jobs.Track(id, job.Articles.Count, stoppingToken);
        var cancellation = progress.Cancellation.Token;
        var totals = JobTotals.Zero;
        try
        {
            await store.StartAsync(id, stoppingToken);
            var texts = await store.GetArticlesAsync(id, stoppingToken);
            // Articles written before an interruption are kept; only the others are translated again.
            var pending = Enumerable.Range(0, texts.Count).Where(i => job.Articles[i].Status is not (JobArticleStatus.Succeeded or JobArticleStatus.Failed)).ToList();
            var pipeline = pipelines.Create(job.Backend, job.From, job.To);
            var folder = TranslationJobs.ResultsFolder(options.Value, id);
            Directory.CreateDirectory(folder);
            var recorder = new Recorder(store, id, pending, progress);
            var run = await pipeline.TranslateAsync([.. pending.Select(i => new ArticleSource(texts[i].Name, null, texts[i].Text))], folder, recorder, cancellation);
            totals = new JobTotals(run.Statistics.BackendRequests, run.Statistics.CharactersBilled, run.Statistics.CacheHits);
            var final = await store.GetAsync(id, stoppingToken);
            var succeeded = final!.Articles.Count(a => a.Status == JobArticleStatus.Succeeded);
            var status = succeeded == final.Articles.Count ? JobStatus.Succeeded : succeeded == 0 ? JobStatus.Failed : JobStatus.PartiallySucceeded;
            await store.FinishAsync(id, status, totals, status == JobStatus.Failed ? "no article could be translated: each article says why" : null, stoppingToken);
            Finished(activity, status);
            LogFinished(id, status, succeeded, final.Articles.Count);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            await CancelArticlesAsync(id, CancellationToken.None);
            await store.FinishAsync(id, JobStatus.Cancelled, totals, "cancelled by the client; paragraphs already translated stay cached", CancellationToken.None);
            Finished(activity, JobStatus.Cancelled);
            LogCancelled(id);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A job no worker can finish says why (a backend with no key, an unwritable results folder …).
            await store.FinishAsync(id, JobStatus.Failed, totals, exception.Message, CancellationToken.None);
            Finished(activity, JobStatus.Failed);
            LogFailed(id, exception.Message, exception);
        }
        finally
        {
            jobs.Forget(id);
        }
    }

    private static void Finished(Activity? activity, JobStatus status)
    {
        var name = status.ToString();
        JobTelemetry.Finished.Add(1, new KeyValuePair<string, object?>("status", name));
        activity?.SetTag("bilingual.job.status", name);
    }

    private async Task CancelArticlesAsync(string id, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id, cancellationToken);
        for (var i = 0; i < (job?.Articles.Count ?? 0); i++)
        {
            var article = job!.Articles[i];
            if (article.Status is JobArticleStatus.Queued or JobArticleStatus.Running)
            {
                await store.UpdateArticleAsync(id, i, article with { Status = JobArticleStatus.Cancelled }, cancellationToken);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        try
        {
            do
            {
                foreach (var id in await store.DeleteExpiredAsync(stoppingToken))
                {
                    var folder = TranslationJobs.ResultsFolder(options.Value, id);
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    LogExpired(id);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stores each article's state as the pipeline reports it.</summary>
    private sealed class Recorder(IJobStore store, string id, IReadOnlyList<int> positions, JobProgress progress) : IArticleProgress
    {
        public async ValueTask ReadAsync(int index, Article? article, ArticleReport? report)
        {
            var position = positions[index];
            var state = article is null
                ? new JobArticle(report!.Name, JobArticleStatus.Failed, 0, 0, report.Error, [])
                : new JobArticle(article.Name, JobArticleStatus.Running, 0, article.Paragraphs.Count, null, []);
            progress.Set(position, 0, state.ParagraphsTotal);
            await store.UpdateArticleAsync(id, position, state, CancellationToken.None);
        }

        public void ParagraphDone(int index, int done, int total) => progress.Set(positions[index], done, total);

        public async ValueTask ArticleDoneAsync(int index, ArticleReport report, BilingualDocument? document)
        {
            var succeeded = report.Error is null;
            var state = new JobArticle(
                report.Name,
                succeeded ? JobArticleStatus.Succeeded : JobArticleStatus.Failed,
                report.Paragraphs,
                report.Paragraphs,
                report.Error,
                [.. report.Outputs.Select(JobOutputs.KindOf).OfType<string>()]);
            await store.UpdateArticleAsync(id, positions[index], state, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Id}: resumed after a restart")]
    private partial void LogResumed(string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Id}: {Status}, {Succeeded}/{Articles} articles written")]
    private partial void LogFinished(string id, JobStatus status, int succeeded, int articles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id}: cancelled by its client")]
    private partial void LogCancelled(string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Id}: failed: {Reason}")]
    private partial void LogFailed(string id, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Id}: results expired and deleted")]
    private partial void LogExpired(string id);
}
