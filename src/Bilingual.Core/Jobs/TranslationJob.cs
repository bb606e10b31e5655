using System.Text.Json.Serialization;

namespace Bilingual.Core.Jobs;

/// <summary>Where a job is in its life. Every job ends in one of the last four.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    /// <summary>Accepted and stored; waiting for a worker.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    /// <summary>A worker is translating it.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Every article was written.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>Some articles were written, some failed (each says why).</summary>
    [JsonStringEnumMemberName("partiallySucceeded")]
    PartiallySucceeded,

    /// <summary>No article was written; the job and each article say why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Cancelled by its client; paragraphs already translated stay cached.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}

/// <summary>Where one article of a job is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobArticleStatus>))]
public enum JobArticleStatus
{
    /// <summary>Waiting for its job to run.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    /// <summary>Its paragraphs are being translated.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Its outputs are written and can be downloaded.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>It could not be read or translated; <see cref="JobArticle.Error"/> says why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Its job was cancelled before it was written.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}

/// <summary>A translation job as its client sees it.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Client">The client that submitted it.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Backend">The backend that translates it.</param>
/// <param name="From">The source language.</param>
/// <param name="To">The target language.</param>
/// <param name="Articles">Its articles, in the order submitted.</param>
/// <param name="Totals">What it cost so far.</param>
/// <param name="CreatedAt">When it was accepted (UTC).</param>
/// <param name="StartedAt">When a worker started it, or null.</param>
/// <param name="FinishedAt">When it reached its final status, or null.</param>
/// <param name="ExpiresAt">When its results are deleted (UTC).</param>
/// <param name="Error">Why the job as a whole failed or was cancelled, or null.</param>
public sealed record TranslationJob(
    string Id,
    string Client,
    JobStatus Status,
    string Backend,
    string From,
    string To,
    IReadOnlyList<JobArticle> Articles,
    JobTotals Totals,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset ExpiresAt,
    string? Error)
{
    /// <summary>True once the job can change no more.</summary>
    [JsonIgnore]
    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.PartiallySucceeded or JobStatus.Failed or JobStatus.Cancelled;
}

/// <summary>One article of a job.</summary>
/// <param name="Name">Its name, unique in the job; its outputs are named after it.</param>
/// <param name="Status">Where it is.</param>
/// <param name="ParagraphsDone">Paragraphs translated (or failed) so far.</param>
/// <param name="ParagraphsTotal">Paragraphs in all; 0 until it is read.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Outputs">The output kinds that can be downloaded (<c>edition</c>, <c>review</c>, <c>tmx</c> …).</param>
public sealed record JobArticle(string Name, JobArticleStatus Status, int ParagraphsDone, int ParagraphsTotal, string? Error, IReadOnlyList<string> Outputs);

/// <summary>What a job cost.</summary>
/// <param name="BackendRequests">Backend requests (retries not counted).</param>
/// <param name="CharactersBilled">Characters the backend counted (its own metering where it reports one, else the characters sent).</param>
/// <param name="CacheHits">Paragraphs answered from the cache.</param>
public sealed record JobTotals(int BackendRequests, long CharactersBilled, int CacheHits)
{
    /// <summary>Nothing yet.</summary>
    public static JobTotals Zero { get; } = new(0, 0, 0);
}

/// <summary>A job as a client submits it.</summary>
/// <param name="Articles">The articles, each a name and its text in the article format.</param>
/// <param name="Backend">The backend, or null for the configured one.</param>
/// <param name="From">The source language, or null for the configured one.</param>
/// <param name="To">The target language, or null for the configured one.</param>
public sealed record JobSubmission(IReadOnlyList<SubmittedArticle> Articles, string? Backend = null, string? From = null, string? To = null);

/// <summary>One submitted article.</summary>
/// <param name="Name">Its name: letters, digits, <c>-</c> and <c>_</c>, at most 100.</param>
/// <param name="Text">Its text in the article format.</param>
public sealed record SubmittedArticle(string Name, string Text);
