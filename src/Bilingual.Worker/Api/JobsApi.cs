using System.Text.RegularExpressions;
using Bilingual.Core.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bilingual.Worker.Api;

/// <summary><c>/v1/jobs</c>: submit a job, follow it, cancel it, download each article's outputs.</summary>
internal static partial class JobsApi
{
    /// <summary>How long a client is asked to wait before it polls again, in seconds.</summary>
    public const int PollSeconds = 2;

    /// <summary>Maps the job endpoints onto <paramref name="v1"/>.</summary>
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder v1)
    {
        var jobs = v1.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapPost("/", SubmitAsync).WithName("SubmitJob").WithSummary("Submit articles to translate")
            .WithDescription("Accepted jobs are stored before the answer: a job answered with 202 is never lost. With an Idempotency-Key, the same key and body return the same job (200); the same key with another body is 422.")
            .Accepts<JobSubmission>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        jobs.MapGet("/{id}", GetAsync).WithName("GetJob").WithSummary("A job's status, progress per article, totals and timestamps");
        jobs.MapDelete("/{id}", CancelAsync).WithName("CancelJob").WithSummary("Cancel a job; paragraphs already translated stay cached");
        jobs.MapGet("/{id}/articles/{name}/{kind}", DownloadAsync).WithName("GetJobOutput")
            .WithSummary("One output of one article: edition (text/plain), review (text/html), tmx (application/x-tmx+xml), xliff (application/xliff+xml)")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain").ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    private static async Task<Results<Accepted<TranslationJob>, Ok<TranslationJob>, ProblemHttpResult>> SubmitAsync(
        JobSubmission submission, HttpContext context, ITranslationJobs jobs, CharacterBudgets budgets, CancellationToken cancellationToken)
    {
        var client = ApiClients.ClientOf(context);
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 255 || (key.Length > 0 && !IdempotencyKey().IsMatch(key)))
        {
            return Problems.Of(Problems.InvalidRequest, "Idempotency-Key must be 1–255 visible ASCII characters");
        }

        var characters = submission.Articles?.Sum(a => (long)(a?.Text?.Length ?? 0)) ?? 0;
        if (budgets.Spend(client, characters, context) is { } refused)
        {
            return refused;
        }

        try
        {
            var (job, created) = await jobs.SubmitAsync(submission, client, key.Length == 0 ? null : key, cancellationToken);
            context.Response.Headers.RetryAfter = PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return created ? TypedResults.Accepted($"/v1/jobs/{job.Id}", job) : TypedResults.Ok(job);
        }
        catch (JobRequestException e)
        {
            return Problems.Of(Problems.InvalidRequest, e.Message);
        }
        catch (IdempotencyConflictException e)
        {
            return Problems.Of(Problems.IdempotencyConflict, e.Message);
        }
    }

    private static async Task<Results<Ok<TranslationJob>, ProblemHttpResult>> GetAsync(string id, HttpContext context, ITranslationJobs jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, ApiClients.ClientOf(context), cancellationToken);
        if (job is null)
        {
            return Problems.Of(Problems.NotFound, $"no job {id}");
        }

        if (!job.IsFinished)
        {
            context.Response.Headers.RetryAfter = PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Ok(job);
    }

    private static async Task<Results<Ok<TranslationJob>, ProblemHttpResult>> CancelAsync(string id, HttpContext context, ITranslationJobs jobs, CancellationToken cancellationToken) =>
        await jobs.CancelAsync(id, ApiClients.ClientOf(context), cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : Problems.Of(Problems.NotFound, $"no job {id}");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, string name, string kind, HttpContext context, ITranslationJobs jobs, CancellationToken cancellationToken)
    {
        if (JobOutputs.ContentTypeOf(kind) is not { } contentType)
        {
            return Problems.Of(Problems.NotFound, $"no output kind '{kind}' (edition, review, tmx, xliff)");
        }

        var client = ApiClients.ClientOf(context);
        var job = await jobs.GetAsync(id, client, cancellationToken);
        var article = job?.Articles.FirstOrDefault(a => a.Name == name);
        if (job is null || article is null)
        {
            return Problems.Of(Problems.NotFound, job is null ? $"no job {id}" : $"job {id} has no article '{name}'");
        }

        if (jobs.ResultPath(job, name, kind) is not { } path)
        {
            return article.Status is JobArticleStatus.Queued or JobArticleStatus.Running
                ? Problems.Of(Problems.NotReady, $"article '{name}' is {article.Status.ToString().ToLowerInvariant()}: poll the job until it has succeeded")
                : Problems.Of(Problems.NotFound, $"article '{name}' has no {kind} ({article.Error ?? "not written"})");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (kind == JobOutputs.Review)
        {
            // The page carries its policy in a meta tag; the same policy as a header also covers what runs before it.
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            if (CspMeta().Match(html) is { Success: true } policy)
            {
                context.Response.Headers.ContentSecurityPolicy = policy.Groups[1].Value;
            }
        }

        return TypedResults.File(bytes, contentType, Path.GetFileName(path));
    }

    [GeneratedRegex("^[\\x21-\\x7E]{1,255}$")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")]
    private static partial Regex CspMeta();
}
