namespace Bilingual.Core.Jobs;

/// <summary>The job service the HTTP API (and any other host) calls: submit, follow, cancel and collect translation jobs.</summary>
public interface ITranslationJobs
{
    /// <summary>
    /// Checks and stores a job, then queues it. With an <paramref name="idempotencyKey"/> already used for the same
    /// request, returns that job with <c>Created</c> false.
    /// </summary>
    /// <exception cref="JobRequestException">The request is not one the service can run; the message says why.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for another request.</exception>
    Task<(TranslationJob Job, bool Created)> SubmitAsync(JobSubmission submission, string client, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The job with its live progress, or null when there is none (or it belongs to another client).</summary>
    Task<TranslationJob?> GetAsync(string id, string client, CancellationToken cancellationToken);

    /// <summary>Cancels the job; returns it as it is now, or null when there is none.</summary>
    Task<TranslationJob?> CancelAsync(string id, string client, CancellationToken cancellationToken);

    /// <summary>The file of one output of one article of <paramref name="job"/> (<paramref name="kind"/>: <c>edition</c>, <c>review</c>, <c>tmx</c> …), or null when there is none yet.</summary>
    string? ResultPath(TranslationJob job, string article, string kind);
}

/// <summary>A job request the service cannot run: an empty or oversized job, a bad article name, an unknown backend or language.</summary>
public sealed class JobRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobRequestException() { }

    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    public JobRequestException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public JobRequestException(string message, Exception innerException) : base(message, innerException) { }
}
