using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bilingual.Worker.Api;

/// <summary>
/// Every error the API answers with, as RFC 9457 problem details (<c>application/problem+json</c>), each with a stable
/// <c>type</c> that a client can switch on. The README lists them.
/// </summary>
internal static class Problems
{
    /// <summary>The prefix of every problem type.</summary>
    public const string TypePrefix = "urn:bilingual:problem:";

    /// <summary>No or an unknown API key (401).</summary>
    public const string Unauthorized = TypePrefix + "unauthorized";

    /// <summary>The client is disabled (403).</summary>
    public const string Forbidden = TypePrefix + "forbidden";

    /// <summary>No such job, article or output (404).</summary>
    public const string NotFound = TypePrefix + "not-found";

    /// <summary>An output that is not written yet (409).</summary>
    public const string NotReady = TypePrefix + "not-ready";

    /// <summary>The request body is malformed or asks for something the service cannot do (400).</summary>
    public const string InvalidRequest = TypePrefix + "invalid-request";

    /// <summary>An article that cannot be read (422, sync translate).</summary>
    public const string InvalidArticle = TypePrefix + "invalid-article";

    /// <summary>An <c>Idempotency-Key</c> reused for another request (422).</summary>
    public const string IdempotencyConflict = TypePrefix + "idempotency-key-reused";

    /// <summary>The body or the article is too large (413).</summary>
    public const string TooLarge = TypePrefix + "too-large";

    /// <summary>Over the client's budget (429).</summary>
    public const string RateLimited = TypePrefix + "rate-limited";

    /// <summary>The backend could not translate (502).</summary>
    public const string BackendFailed = TypePrefix + "backend-failed";

    /// <summary>Every type with its status and title, for the OpenAPI document and the README.</summary>
    public static IReadOnlyList<(string Type, int Status, string Title)> All { get; } =
    [
        (Unauthorized, StatusCodes.Status401Unauthorized, "Missing or unknown API key"),
        (Forbidden, StatusCodes.Status403Forbidden, "Client disabled"),
        (NotFound, StatusCodes.Status404NotFound, "Not found"),
        (NotReady, StatusCodes.Status409Conflict, "Not written yet"),
        (InvalidRequest, StatusCodes.Status400BadRequest, "Invalid request"),
        (InvalidArticle, StatusCodes.Status422UnprocessableEntity, "Article cannot be read"),
        (IdempotencyConflict, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused for another request"),
        (TooLarge, StatusCodes.Status413PayloadTooLarge, "Too large"),
        (RateLimited, StatusCodes.Status429TooManyRequests, "Over budget"),
        (BackendFailed, StatusCodes.Status502BadGateway, "Backend failed"),
    ];

    /// <summary>The problem of <paramref name="type"/> with <paramref name="detail"/>, with the type's status unless <paramref name="status"/> says otherwise.</summary>
    public static ProblemHttpResult Of(string type, string detail, int? status = null)
    {
        var (_, typeStatus, title) = All.First(p => p.Type == type);
        return TypedResults.Problem(detail, statusCode: status ?? typeStatus, title: title, type: type);
    }
}
