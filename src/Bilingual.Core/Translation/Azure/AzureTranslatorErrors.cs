using System.Globalization;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// Turns each failure of the Translator v3.0 API into one <see cref="TranslationException"/> with one clear
/// message. Error codes are the service's six digits: the HTTP status followed by three more (v3.0 reference,
/// "Errors"). The service's own message is deliberately not repeated; the request id is, for support.
/// </summary>
internal static class AzureTranslatorErrors
{
    /// <summary>The display name used in messages and logs.</summary>
    public const string Service = "Azure Translator";

    /// <summary>The message when no key is configured.</summary>
    public static TranslationException MissingKey() => new(
        "No Azure Translator key is configured: set Translation:Azure:Key (environment variable Translation__Azure__Key), " +
        "or choose Translation:Backend=offline.");

    /// <summary>Maps an error response.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The service's error code from the body, when it sent one.</param>
    /// <param name="requestId">The service's <c>X-RequestId</c>, when it sent one.</param>
    /// <param name="hasRegion">Whether a region was sent, to say the right thing about a 401.</param>
    public static TranslationException FromResponse(int status, int? code, string? requestId, bool hasRegion)
    {
        var effective = code ?? (status * 1000);
        var tooLarge = effective is 400050 or 400072 or 400077;
        var message = effective switch
        {
            400050 => "A text is longer than Azure Translator accepts in one element (400050).",
            400072 => "The request has more texts than Azure Translator accepts (400072).",
            400077 => "The request is larger than Azure Translator accepts (400077).",
            400036 or 400019 or 400023 => $"Azure Translator does not support the language pair requested ({effective}); check Translation:From and Translation:To.",
            400075 => "The language pair and Translation:Azure:Category do not go together (400075).",
            400079 => "The custom translation system named by Translation:Azure:Category does not exist (400079).",
            400071 => "Azure Translator rejected Translation:Azure:TextType (400071); use plain or html.",
            401000 when hasRegion => "Azure Translator refused the credentials (401000): Translation:Azure:Key is wrong, or does not belong to the resource in Translation:Azure:Region.",
            401000 => "Azure Translator refused the credentials (401000): Translation:Azure:Key is wrong, or it is a regional or multi-service key and Translation:Azure:Region is not set.",
            401015 => "The key belongs to the Speech API, not Translator (401015): use a Translator or multi-service key.",
            403001 => "The Azure Translator subscription's free quota for this month is used up (403001); wait for the next month or move to a paid tier.",
            403000 => "Azure Translator does not allow this operation for the subscription (403000).",
            408001 => "The custom translation system named by Translation:Azure:Category is still being prepared (408001); try again in a few minutes.",
            415000 => "Azure Translator rejected the request's Content-Type (415000).",
            429000 or 429001 or 429002 or 429003 => string.Create(CultureInfo.InvariantCulture,
                $"Azure Translator kept throttling the requests ({effective}): the resource's character or request rate was exceeded; lower Translation:Azure:CharactersPerMinute."),
            500000 => "Azure Translator had an unexpected error (500000).",
            503000 => "Azure Translator is temporarily unavailable (503000).",
            _ when status is >= 400 and < 500 => string.Create(CultureInfo.InvariantCulture, $"Azure Translator rejected the request ({Label(status, code)})."),
            _ => string.Create(CultureInfo.InvariantCulture, $"Azure Translator failed ({Label(status, code)})."),
        };

        if (!string.IsNullOrEmpty(requestId))
        {
            message = $"{message[..^1]}; request id {requestId}.";
        }

        return new TranslationException(message) { ErrorCode = code, StatusCode = status, RequestTooLarge = tooLarge };
    }

    private static string Label(int status, int? code) =>
        code is { } known ? known.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");

    /// <summary>The circuit breaker is open.</summary>
    public static TranslationException CircuitOpen(Exception cause) => new(
        "Azure Translator is failing repeatedly, so calls to it are paused for Translation:Azure:BreakDuration.", cause);

    /// <summary>A 200 response that is not the documented shape.</summary>
    public static TranslationException MalformedResponse(string detail, Exception? cause = null) => cause is null
        ? new TranslationException($"Azure Translator returned a response that is not the documented shape: {detail}")
        : new TranslationException($"Azure Translator returned a response that is not the documented shape: {detail}", cause);
}
