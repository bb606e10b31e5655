using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bilingual.Core.Text;
using Bilingual.Core.Translation;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Jobs;

/// <inheritdoc cref="ITranslationJobs" />
internal sealed partial class TranslationJobs(
    IJobStore store,
    JobQueue queue,
    IOptions<JobOptions> options,
    IOptions<TranslationOptions> translation) : ITranslationJobs
{
    private readonly ConcurrentDictionary<string, JobProgress> _running = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<(TranslationJob Job, bool Created)> SubmitAsync(JobSubmission submission, string client, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        Check(submission);
        var backend = submission.Backend ?? translation.Value.Backend;
        var from = LanguageTag.Normalize(submission.From ?? translation.Value.From);
        var to = LanguageTag.Normalize(submission.To ?? translation.Value.To);
        var (job, created) = await store.CreateAsync(submission, client, backend, from, to, idempotencyKey, Hash(submission), cancellationToken);
        if (created)
        {
            queue.Enqueue(job.Id);
        }

        return (job, created);
    }

    /// <inheritdoc />
    public async Task<TranslationJob?> GetAsync(string id, string client, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null || !string.Equals(job.Client, client, StringComparison.Ordinal))
        {
            return null;
        }

        // Paragraph counts of a running job live in the runner; the store has them per finished article.
        return _running.TryGetValue(id, out var progress) ? progress.Overlay(job) : job;
    }

    /// <inheritdoc />
    public async Task<TranslationJob?> CancelAsync(string id, string client, CancellationToken cancellationToken)
    {
        var job = await GetAsync(id, client, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return job;
        }

        if (_running.TryGetValue(id, out var progress))
        {
            await progress.Cancellation.CancelAsync();
        }
        else
        {
            await store.FinishAsync(id, JobStatus.Cancelled, JobTotals.Zero, "cancelled by the client", cancellationToken);
        }

        return await GetAsync(id, client, cancellationToken);
    }

    /// <inheritdoc />
    public string? ResultPath(TranslationJob job, string article, string kind)
    {
        ArgumentNullException.ThrowIfNull(job);
        var entry = job.Articles.FirstOrDefault(a => string.Equals(a.Name, article, StringComparison.Ordinal));
        if (entry is null || !entry.Outputs.Contains(kind) || JobOutputs.All.FirstOrDefault(k => k.Kind == kind) is not { Extension: { } extension })
        {
            return null;
        }

        var folder = ResultsFolder(options.Value, job.Id);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, article + ".*").FirstOrDefault(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>The folder a job's outputs are written to.</summary>
    internal static string ResultsFolder(JobOptions options, string id) => Path.Combine(options.ResultsDirectory, id);

    /// <summary>Registers a job the runner has started, so its progress shows and it can be cancelled.</summary>
    internal JobProgress Track(string id, int articles, CancellationToken stopping) =>
        _running[id] = new JobProgress(articles, CancellationTokenSource.CreateLinkedTokenSource(stopping));

    /// <summary>Forgets a job the runner has finished with.</summary>
    internal void Forget(string id)
    {
        if (_running.TryRemove(id, out var progress))
        {
            progress.Cancellation.Dispose();
        }
    }

    private void Check(JobSubmission submission)
    {
        if (submission.Articles is not { Count: > 0 })
        {
            throw new JobRequestException("a job needs at least one article");
        }

        if (submission.Articles.Count > options.Value.MaxArticlesPerJob)
        {
            throw new JobRequestException($"a job may hold at most {options.Value.MaxArticlesPerJob} articles (Api:MaxArticlesPerJob); this one has {submission.Articles.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in submission.Articles)
        {
            if (article?.Name is null || !ArticleName().IsMatch(article.Name))
            {
                throw new JobRequestException($"article name '{article?.Name}' must be 1–100 letters, digits, '-' or '_'");
            }

            if (!names.Add(article.Name))
            {
                throw new JobRequestException($"article name '{article.Name}' appears twice");
            }

            if (article.Text is null)
            {
                throw new JobRequestException($"article '{article.Name}' has no text");
            }
        }

        if (submission.Backend is { } backend && !BackendNames.All.Contains(backend))
        {
            throw new JobRequestException($"backend '{backend}' is not one of {BackendNames.List}");
        }

        foreach (var language in new[] { submission.From, submission.To })
        {
            if (language is not null && !LanguageTagPattern().IsMatch(language))
            {
                throw new JobRequestException($"'{language}' is not a language tag such as nl or en-GB");
            }
        }
    }

    /// <summary>A digest of what the request asks for: the same key with the same request is the same job.</summary>
    private static string Hash(JobSubmission submission)
    {
        var builder = new StringBuilder();
        builder.Append(submission.Backend).Append('\u001f').Append(submission.From).Append('\u001f').Append(submission.To);
        foreach (var article in submission.Articles)
        {
            builder.Append('\u001e').Append(article.Name).Append('\u001f').Append(article.Text);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleName();

    [GeneratedRegex("^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagPattern();
}

/// <summary>The live state of a running job: paragraphs done per article, and the switch that cancels it.</summary>
internal sealed class JobProgress(int articles, CancellationTokenSource cancellation)
{
    private readonly int[] _done = new int[articles];
    private readonly int[] _total = new int[articles];

    /// <summary>Cancels the job.</summary>
    public CancellationTokenSource Cancellation { get; } = cancellation;

    /// <summary>Records article <paramref name="position"/>'s progress.</summary>
    public void Set(int position, int done, int total)
    {
        Volatile.Write(ref _total[position], total);
        Volatile.Write(ref _done[position], done);
    }

    /// <summary><paramref name="job"/> with the live counts of its unfinished articles.</summary>
    public TranslationJob Overlay(TranslationJob job) => job with
    {
        Articles = [.. job.Articles.Select((a, i) => i < _done.Length && a.Status is JobArticleStatus.Queued or JobArticleStatus.Running && Volatile.Read(ref _total[i]) > 0
            ? a with { Status = JobArticleStatus.Running, ParagraphsDone = Volatile.Read(ref _done[i]), ParagraphsTotal = Volatile.Read(ref _total[i]) }
            : a)],
    };
}
