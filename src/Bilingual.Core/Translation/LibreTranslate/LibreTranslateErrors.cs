using System.Globalization;

namespace Bilingual.Core.Translation.LibreTranslate;

/// <summary>
/// Turns each failure of a LibreTranslate server into one <see cref="TranslationException"/> with one clear message.
/// The server answers 400, 403, 429 and 500 with <c>{"error": "..."}</c> (API docs, <c>/translate</c>); its text
/// is kept for 400, where it names the faulty parameter or language.
/// </summary>
internal static class LibreTranslateErrors
{
    /// <summary>The display name used in messages and logs.</summary>
    public const string Service = "LibreTranslate";

    /// <summary>Maps an error response; <paramref name="detail"/> is the server's <c>error</c>, already cleaned.</summary>
    public static TranslationException FromResponse(int status, string? detail, bool hasKey)
    {
        // The server reports its --char-limit and --batch-limit as a 400 "request (N) exceeds text limit (L)".
        var tooLarge = status == 413
            || (status == 400 && detail is not null && detail.Contains("exceeds", StringComparison.Ordinal) && detail.Contains("limit", StringComparison.Ordinal));
        var message = status switch
        {
            400 when tooLarge => $"The request is larger than the LibreTranslate server accepts (400){Detail(detail)}; lower Translation:LibreTranslate:MaxCharactersPerRequest or MaxTextsPerRequest.",
            400 => $"LibreTranslate rejected the request (400){Detail(detail)}; check Translation:From and Translation:To are installed on the server.",
            403 when hasKey => "LibreTranslate refused the API key (403): Translation:LibreTranslate:Key is wrong or has been revoked.",
            403 => "LibreTranslate requires an API key (403): set Translation:LibreTranslate:Key (environment variable Translation__LibreTranslate__Key).",
            404 => "LibreTranslate was not found at Translation:LibreTranslate:Endpoint (404): the URL is not a LibreTranslate server.",
            413 => "The request is larger than the LibreTranslate server accepts (413); lower Translation:LibreTranslate:MaxCharactersPerRequest.",
            429 => "LibreTranslate kept refusing requests for exceeding its rate limit (429); raise the key's limit or translate less at once.",
            500 => $"LibreTranslate failed to translate (500){Detail(detail)}.",
            _ when status is >= 400 and < 500 => string.Create(CultureInfo.InvariantCulture, $"LibreTranslate rejected the request (HTTP {status}){Detail(detail)}."),
            _ => string.Create(CultureInfo.InvariantCulture, $"LibreTranslate failed (HTTP {status})."),
        };
        return new TranslationException(message) { StatusCode = status, RequestTooLarge = tooLarge };
    }

    /// <summary>A 200 response that is not the documented shape.</summary>
    public static TranslationException MalformedResponse(string detail, Exception? cause = null) => cause is null
        ? new TranslationException($"LibreTranslate returned a response that is not the documented shape: {detail}")
        : new TranslationException($"LibreTranslate returned a response that is not the documented shape: {detail}", cause);

    private static string Detail(string? detail) => string.IsNullOrEmpty(detail) ? string.Empty : $": {detail.TrimEnd('.')}";
}
