using System.Text.Json.Serialization;

namespace Bilingual.Core.Pipeline;

/// <summary>What one run did: written as <c>run.json</c> beside the outputs.</summary>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="FinishedAt">When the run finished (UTC).</param>
/// <param name="Backend">The translation backend, e.g. <c>offline</c>.</param>
/// <param name="BackendVersion">The backend's version or model.</param>
/// <param name="IsGloss">True when the backend writes a word-by-word gloss, not a translation.</param>
/// <param name="Articles">One entry per input file, in processing order.</param>
/// <param name="Totals">Sums over the articles and the backend calls.</param>
/// <param name="Failures">Each failed file with its reason, for a quick look.</param>
public sealed record RunReport(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Backend,
    string BackendVersion,
    bool IsGloss,
    IReadOnlyList<ArticleReport> Articles,
    RunTotals Totals,
    IReadOnlyList<RunFailure> Failures)
{
    /// <summary>True when every article succeeded.</summary>
    public bool Succeeded => Failures.Count == 0 && Stopped is null;

    /// <summary>
    /// Why the run stopped before it processed its articles (a store that cannot be opened, a fault), or null when it
    /// ran to the end. A stopped run lists every article as failed with that reason.
    /// </summary>
    public string? Stopped { get; init; }


    /// <summary>
    /// This report followed by <paramref name="later"/> (a watch's next scan): an article seen again takes its latest
    /// entry, the others keep theirs, and what the backend did adds up, so a scan that saw only bad files never hides
    /// what earlier scans wrote.
    /// </summary>
    public RunReport Then(RunReport later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var renewed = later.Articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        var articles = Articles.Where(a => !renewed.Contains(a.File)).Concat(later.Articles).ToList();
        var failures = articles.Where(a => a.Error is not null).Select(a => new RunFailure(a.File, a.Error!)).ToList();
        var (t, u) = (Totals, later.Totals);
        return later with
        {
            StartedAt = StartedAt,
            Articles = articles,
            Failures = failures,
            Totals = new RunTotals(
                articles.Count,
                articles.Count - failures.Count,
                failures.Count,
                articles.Sum(a => a.Paragraphs),
                t.BackendCalls + u.BackendCalls,
                t.Attempts + u.Attempts,
                t.CharactersSent + u.CharactersSent,
                t.CacheHits + u.CacheHits,
                t.Throttled + u.Throttled,
                t.MeteredCharacters + u.MeteredCharacters,
                t.GlossaryMarkupCharacters + u.GlossaryMarkupCharacters),
        };
    }
}

/// <summary>What happened to one article.</summary>
/// <param name="Name">The article name (file name without extension).</param>
/// <param name="File">The input path.</param>
/// <param name="Status"><c>translated</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Paragraphs">Paragraphs read.</param>
/// <param name="Segments">Source sentences, headings included.</param>
/// <param name="Beads">Aligned beads.</param>
/// <param name="CacheHits">Paragraphs answered from the cache.</param>
/// <param name="BackendRequests">Distinct backend requests that carried its paragraphs.</param>
/// <param name="Outputs">The files written.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Retryable">True when it failed because its paragraphs were not translated (a later try may succeed), not for a bad file.</param>
/// <param name="BackendUnavailable">True when every paragraph that failed met a backend that could not be reached or was overloaded.</param>
public sealed record ArticleReport(
    string Name,
    string File,
    string Status,
    int Paragraphs,
    int Segments,
    int Beads,
    int CacheHits,
    int BackendRequests,
    IReadOnlyList<string> Outputs,
    string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Retryable = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool BackendUnavailable = false);

/// <summary>Run totals.</summary>
/// <param name="Articles">Input files seen.</param>
/// <param name="Succeeded">Articles fully written.</param>
/// <param name="Failed">Articles that failed.</param>
/// <param name="Paragraphs">Paragraphs read over all articles.</param>
/// <param name="BackendCalls">Requests that reached the backend, retries not counted; at most <paramref name="Attempts"/>.</param>
/// <param name="Attempts">Attempts the backend received, retries included.</param>
/// <param name="CharactersSent">Characters those requests carried as sent (glossary markup included), once per request.</param>
/// <param name="CacheHits">Paragraphs answered from the cache.</param>
/// <param name="Throttled">429 responses received.</param>
/// <param name="MeteredCharacters">Characters the backend metered and bills (Azure <c>X-Metered-Usage</c>), successful responses only.</param>
/// <param name="GlossaryMarkupCharacters">The part of <paramref name="CharactersSent"/> that is dynamic-dictionary markup.</param>
public sealed record RunTotals(
    int Articles,
    int Succeeded,
    int Failed,
    int Paragraphs,
    int BackendCalls,
    int Attempts,
    long CharactersSent,
    int CacheHits,
    int Throttled,
    long MeteredCharacters,
    long GlossaryMarkupCharacters = 0);

/// <summary>A file that failed and why.</summary>
/// <param name="File">The input path.</param>
/// <param name="Reason">The reason in one sentence.</param>
public sealed record RunFailure(string File, string Reason);

/// <summary>Serialisation of <see cref="RunReport"/> by generated code (no reflection: the worker is compiled ahead of time).</summary>
[JsonSerializable(typeof(RunReport))]
internal sealed partial class RunReportJsonContext : JsonSerializerContext
{
}

/// <summary>The statuses an article has in <c>run.json</c>.</summary>
public static class ArticleStatus
{
    /// <summary>Every output of the article was written.</summary>
    public const string Translated = "translated";

    /// <summary>The article was not written; its report says why.</summary>
    public const string Failed = "failed";
}
