using System.Globalization;

namespace Bilingual.Core.Translation.Llm;

/// <summary>
/// Turns each failure of an OpenAI-compatible chat completions endpoint into one <see cref="TranslationException"/>
/// with one clear message (OpenAI API reference, "Error codes": 400, 401, 403, 404, 429, 500, 503).
/// </summary>
internal static class LlmErrors
{
    /// <summary>The display name used in messages and logs.</summary>
    public const string Service = "The LLM endpoint";

    /// <summary>The message when a remote endpoint has no key.</summary>
    public static TranslationException MissingKey() => new(
        "No key is configured for the remote LLM endpoint: set Translation:Llm:Key (environment variable Translation__Llm__Key), or point Translation:Llm:Endpoint at a local server.");

    /// <summary>Maps an error response; <paramref name="detail"/> is the server's <c>error.message</c>, already cleaned.</summary>
    public static TranslationException FromResponse(int status, string? detail, string model)
    {
        var message = status switch
        {
            400 => $"The LLM endpoint rejected the request (400){Detail(detail)}; a batch may exceed the model's context — lower Translation:Llm:MaxCharactersPerRequest.",
            401 => "The LLM endpoint refused the credentials (401): Translation:Llm:Key is missing or wrong.",
            403 => "The LLM endpoint does not allow this key to use the model (403): check Translation:Llm:Key and Translation:Llm:Model.",
            404 => $"The LLM endpoint has no model {model} or no /v1/chat/completions (404): check Translation:Llm:Model and Translation:Llm:Endpoint.",
            413 => "The request is larger than the LLM endpoint accepts (413).",
            429 => "The LLM endpoint kept refusing requests for exceeding its rate limit or quota (429).",
            500 => "The LLM endpoint had an internal error (500).",
            503 => "The LLM endpoint is overloaded or temporarily unavailable (503).",
            _ when status is >= 400 and < 500 => string.Create(CultureInfo.InvariantCulture, $"The LLM endpoint rejected the request (HTTP {status}){Detail(detail)}."),
            _ => string.Create(CultureInfo.InvariantCulture, $"The LLM endpoint failed (HTTP {status})."),
        };
        return new TranslationException(message) { StatusCode = status, RequestTooLarge = status == 413 };
    }

    /// <summary>A 200 response that is not the documented shape, or an answer that is not the asked-for JSON array.</summary>
    public static TranslationException MalformedAnswer(string detail, Exception? cause = null) => cause is null
        ? new TranslationException($"The LLM's answer is not a usable translation: {detail}")
        : new TranslationException($"The LLM's answer is not a usable translation: {detail}", cause);

    private static string Detail(string? detail) => string.IsNullOrEmpty(detail) ? string.Empty : $": {detail.TrimEnd('.')}";
}
