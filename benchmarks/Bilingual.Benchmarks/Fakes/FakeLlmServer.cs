using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Bilingual.Benchmarks.Fakes;

/// <summary>
/// A local stand-in for an OpenAI-compatible <c>POST /v1/chat/completions</c>: checks the bearer key (401) and the
/// model (404), reads the JSON array of paragraphs in the user message and answers, like many chat models, with a
/// JSON array in a code fence; the system prompt's "required renderings" are applied first, as an obliging model
/// would.
/// </summary>
internal sealed partial class FakeLlmServer : FakeBackendServer
{
    /// <summary>The only key accepted; null for a local server without keys.</summary>
    public string? RequiredKey { get; init; } = "sk-fake-7d2b9e40c15a4f83";

    /// <summary>The only model served.</summary>
    public string Model { get; init; } = "fake-translator-1";

    /// <summary>Starts a fake.</summary>
    public static Task<FakeLlmServer> StartAsync(FakeLlmServer? server = null) => StartServerAsync(server ?? new FakeLlmServer());

    /// <summary>A chat completion body whose answer is <paramref name="content"/>.</summary>
    public static string Completion(string content, string finishReason = "stop") => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
    });

    /// <inheritdoc />
    protected override bool IsAuthorized(FakeBackendRequest request) =>
        RequiredKey is null || request.Header("Authorization") == $"Bearer {RequiredKey}";

    /// <inheritdoc />
    protected override Task RefuseAsync(HttpContext context, FakeBackendRequest request) =>
        JsonAsync(context, 401, new { error = new { message = "Incorrect API key provided.", type = "invalid_request_error", code = "invalid_api_key" } });

    /// <inheritdoc />
    protected override string ErrorBody(int status) => JsonSerializer.Serialize(new
    {
        error = new
        {
            message = status switch
            {
                429 => "Rate limit reached for requests",
                503 => "The engine is currently overloaded, please try again later",
                _ => "The server had an error while processing your request.",
            },
            type = status == 429 ? "requests" : "server_error",
        },
    });

    /// <inheritdoc />
    protected override async Task HandleAsync(HttpContext context, FakeBackendRequest request)
    {
        if (request.Path != "/v1/chat/completions")
        {
            await JsonAsync(context, 404, new { error = new { message = "Invalid URL", type = "invalid_request_error" } });
            return;
        }

        if (request.Json() is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            await JsonAsync(context, 400, new { error = new { message = "'messages' is a required property", type = "invalid_request_error" } });
            return;
        }

        var model = json.TryGetProperty("model", out var m) ? m.GetString() : null;
        if (model != Model)
        {
            await JsonAsync(context, 404, new { error = new { message = $"The model `{model}` does not exist", type = "invalid_request_error" } });
            return;
        }

        var system = messages.EnumerateArray().FirstOrDefault(e => e.GetProperty("role").GetString() == "system").GetProperty("content").GetString() ?? string.Empty;
        var user = messages.EnumerateArray().Last(e => e.GetProperty("role").GetString() == "user").GetProperty("content").GetString() ?? string.Empty;
        var renderings = Rendering().Matches(system).ToDictionary(r => r.Groups["term"].Value, r => r.Groups["rendering"].Value, StringComparer.Ordinal);
        string[] paragraphs;
        try
        {
            paragraphs = JsonSerializer.Deserialize<string[]>(user) ?? [];
        }
        catch (JsonException)
        {
            await JsonAsync(context, 200, Completion("I can only translate a JSON array of paragraphs."));
            return;
        }

        var translations = paragraphs.Select(p => Translate(ApplyRenderings(p, renderings))).ToArray();
        await JsonAsync(context, 200, Completion("```json\n" + JsonSerializer.Serialize(translations) + "\n```"));
    }

    private static string ApplyRenderings(string text, Dictionary<string, string> renderings) =>
        renderings.Count == 0 ? text : Regex.Replace(
            text,
            $@"(?<!\w)(?:{string.Join('|', renderings.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))})(?!\w)",
            match => renderings[match.Value]);

    [GeneratedRegex(@"^- (?<term>.+?) → (?<rendering>.+)$", RegexOptions.Multiline)]
    private static partial Regex Rendering();
}
