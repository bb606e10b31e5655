using System.Globalization;

namespace Bilingual.Core.Translation.DeepL;

/// <summary>
/// Turns each failure of the DeepL API v2 into one <see cref="TranslationException"/> with one clear message
/// (API reference, "Errors": 400, 403, 404, 413, 429, 456, 500, 503).
/// </summary>
internal static class DeepLErrors
{
    /// <summary>The display name used in messages and logs.</summary>
    public const string Service = "DeepL";

    /// <summary>The message when no key is configured.</summary>
    public static TranslationException MissingKey() => new(
        "No DeepL key is configured: set Translation:DeepL:Key (environment variable Translation__DeepL__Key), or choose another Translation:Backend.");

    /// <summary>Maps an error response; <paramref name="detail"/> is DeepL's <c>message</c>, already cleaned.</summary>
    public static TranslationException FromResponse(int status, string? detail)
    {
        var message = status switch
        {
            400 => $"DeepL rejected the request as malformed (400){Detail(detail)}; check Translation:From, Translation:To and Translation:DeepL:GlossaryId.",
            401 or 403 => "DeepL refused the key (403): Translation:DeepL:Key is wrong, or it is a Free key used with the Pro endpoint (or the reverse) — check Translation:DeepL:Endpoint.",
            404 => "DeepL did not find the resource (404): check Translation:DeepL:Endpoint and Translation:DeepL:GlossaryId.",
            413 => "The request is larger than DeepL accepts (413).",
            429 => "DeepL kept answering Too Many Requests (429): send fewer or smaller requests.",
            456 => "The DeepL account's character quota is used up (456); wait for the next billing period or raise the limit.",
            500 => "DeepL had an internal error (500).",
            503 => "DeepL is temporarily unavailable (503).",
            _ when status is >= 400 and < 500 => string.Create(CultureInfo.InvariantCulture, $"DeepL rejected the request (HTTP {status}){Detail(detail)}."),
            _ => string.Create(CultureInfo.InvariantCulture, $"DeepL failed (HTTP {status})."),
        };
        return new TranslationException(message) { StatusCode = status, RequestTooLarge = status == 413 };
    }

    /// <summary>A 200 response that is not the documented shape.</summary>
    public static TranslationException MalformedResponse(string detail, Exception? cause = null) => cause is null
        ? new TranslationException($"DeepL returned a response that is not the documented shape: {detail}")
        : new TranslationException($"DeepL returned a response that is not the documented shape: {detail}", cause);

    private static string Detail(string? detail) => string.IsNullOrEmpty(detail) ? string.Empty : $": {detail.TrimEnd('.')}";
}
