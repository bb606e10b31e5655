namespace Bilingual.Core.Jobs;

/// <summary>
/// Where jobs live: a job accepted is stored before it is acknowledged, so no accepted job is ever lost, and every
/// change of its state is stored as it happens, so a restarted process resumes it.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Stores a new job for <paramref name="client"/>, or returns the job an earlier request with the same
    /// <paramref name="idempotencyKey"/> and the same <paramref name="requestHash"/> created (with <c>Created</c> false).
    /// </summary>
    /// <exception cref="IdempotencyConflictException">The key was used for another request.</exception>
    Task<(TranslationJob Job, bool Created)> CreateAsync(
        JobSubmission submission, string client, string backend, string sourceLanguage, string targetLanguage, string? idempotencyKey, string requestHash, CancellationToken cancellationToken);

    /// <summary>The job <paramref name="id"/>, or null.</summary>
    Task<TranslationJob?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The texts of the job's articles, in order.</summary>
    Task<IReadOnlyList<SubmittedArticle>> GetArticlesAsync(string id, CancellationToken cancellationToken);

    /// <summary>The ids of jobs that are queued or running (a running one was interrupted when the process died), oldest first.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Marks the job running.</summary>
    Task StartAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores an article's state.</summary>
    Task UpdateArticleAsync(string id, int position, JobArticle article, CancellationToken cancellationToken);

    /// <summary>Stores the job's final status, totals and reason.</summary>
    Task FinishAsync(string id, JobStatus status, JobTotals totals, string? reason, CancellationToken cancellationToken);

    /// <summary>Adds to the job's totals while it runs.</summary>
    Task AddTotalsAsync(string id, JobTotals totals, CancellationToken cancellationToken);

    /// <summary>Deletes jobs whose results expired and idempotency keys past their time; returns the deleted jobs' ids.</summary>
    Task<IReadOnlyList<string>> DeleteExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>An <c>Idempotency-Key</c> was reused for a request with another body.</summary>
public sealed class IdempotencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IdempotencyConflictException() { }

    /// <summary>Creates the exception with a message.</summary>
    public IdempotencyConflictException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdempotencyConflictException(string message, Exception innerException) : base(message, innerException) { }
}
