using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bilingual.Benchmarks.Fakes;

/// <summary>
/// A local stand-in for a LibreTranslate server's <c>POST /translate</c>: checks <c>api_key</c> when the server
/// requires one (403), the languages installed, the character and batch limits (400 with <c>{"error"}</c>, as the
/// server reports them), and answers <c>{"translatedText"}</c>, an array when <c>q</c> is one.
/// </summary>
internal sealed class FakeLibreTranslateServer : FakeBackendServer
{
    /// <summary>The key the server requires; null for a server without API keys.</summary>
    public string? RequiredKey { get; init; }

    /// <summary>The server's <c>--char-limit</c>.</summary>
    public int CharacterLimit { get; init; } = 5_000;

    /// <summary>The server's <c>--batch-limit</c>.</summary>
    public int BatchLimit { get; init; } = 25;

    /// <summary>Starts a fake.</summary>
    public static Task<FakeLibreTranslateServer> StartAsync(FakeLibreTranslateServer? server = null) =>
        StartServerAsync(server ?? new FakeLibreTranslateServer());

    /// <inheritdoc />
    protected override bool IsAuthorized(FakeBackendRequest request) =>
        RequiredKey is null || (request.Json() is { ValueKind: JsonValueKind.Object } json
            && json.TryGetProperty("api_key", out var key) && key.GetString() == RequiredKey);

    /// <inheritdoc />
    protected override Task RefuseAsync(HttpContext context, FakeBackendRequest request) =>
        JsonAsync(context, 403, new { error = "Invalid API key" });

    /// <inheritdoc />
    protected override string ErrorBody(int status) => JsonSerializer.Serialize(new
    {
        error = status switch
        {
            429 => "Too many request limits violations",
            _ => "Cannot translate text: internal error",
        },
    });

    /// <inheritdoc />
    protected override async Task HandleAsync(HttpContext context, FakeBackendRequest request)
    {
        if (request.Path != "/translate")
        {
            await JsonAsync(context, 404, new { error = "Not Found" });
            return;
        }

        if (request.Json() is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("q", out var q))
        {
            await JsonAsync(context, 400, new { error = "Invalid request: missing q parameter" });
            return;
        }

        foreach (var name in new[] { "source", "target" })
        {
            var language = json.TryGetProperty(name, out var value) ? value.GetString() : null;
            if (language is not ("nl" or "en"))
            {
                await JsonAsync(context, 400, new { error = $"{language} is not supported" });
                return;
            }
        }

        var texts = q.ValueKind == JsonValueKind.Array ? q.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray() : [q.GetString() ?? string.Empty];
        if (texts.Length > BatchLimit)
        {
            await JsonAsync(context, 400, new { error = string.Create(CultureInfo.InvariantCulture, $"Invalid request: request ({texts.Length}) exceeds batch limit ({BatchLimit})") });
            return;
        }

        var characters = texts.Sum(t => t.Length);
        if (characters > CharacterLimit)
        {
            await JsonAsync(context, 400, new { error = string.Create(CultureInfo.InvariantCulture, $"Invalid request: request ({characters}) exceeds text limit ({CharacterLimit})") });
            return;
        }

        await JsonAsync(context, 200, q.ValueKind == JsonValueKind.Array
            ? new { translatedText = (object)texts.Select(Translate).ToArray() }
            : new { translatedText = (object)Translate(texts[0]) });
    }
}
