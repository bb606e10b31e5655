using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bilingual.Benchmarks.Fakes;

/// <summary>
/// A local stand-in for the DeepL API v2 <c>/v2/translate</c>: checks the <c>DeepL-Auth-Key</c> header (403), the
/// 128 KiB body limit (413), at most 50 texts and a supported <c>target_lang</c> (400), counts characters against a
/// quota (456), and answers <c>{"translations":[{"detected_source_language","text"}]}</c>.
/// </summary>
internal sealed class FakeDeepLServer : FakeBackendServer
{
    private long charactersUsed;

    /// <summary>The only key accepted.</summary>
    public string Key { get; init; } = "fake-deepl-3c7e81a9f0b24d65:fx";

    /// <summary>Characters the account may translate; beyond it every request gets 456. Default unlimited.</summary>
    public long CharacterQuota { get; init; } = long.MaxValue;

    /// <summary>Starts a fake.</summary>
    public static Task<FakeDeepLServer> StartAsync(FakeDeepLServer? server = null) => StartServerAsync(server ?? new FakeDeepLServer());

    /// <inheritdoc />
    protected override bool IsAuthorized(FakeBackendRequest request) => request.Header("Authorization") == $"DeepL-Auth-Key {Key}";

    /// <inheritdoc />
    protected override Task RefuseAsync(HttpContext context, FakeBackendRequest request) =>
        JsonAsync(context, 403, new { message = "Authorization failure, check auth_key" });

    /// <inheritdoc />
    protected override string ErrorBody(int status) => JsonSerializer.Serialize(new
    {
        message = status switch
        {
            429 => "Too many requests",
            456 => "Quota exceeded",
            503 => "Service unavailable",
            _ => "Internal error",
        },
    });

    /// <inheritdoc />
    protected override async Task HandleAsync(HttpContext context, FakeBackendRequest request)
    {
        if (request.Path != "/v2/translate")
        {
            await JsonAsync(context, 404, new { message = "Not found" });
            return;
        }

        if (request.BodyBytes > 128 * 1024)
        {
            await JsonAsync(context, 413, new { message = "Request Entity Too Large" });
            return;
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true
            || request.Json() is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.Array)
        {
            await JsonAsync(context, 400, new { message = "Parameter 'text' not specified." });
            return;
        }

        var texts = text.EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToArray();
        if (texts.Length > 50)
        {
            // More than 50 text parts is refused as too large, like an oversized body.
            await JsonAsync(context, 413, new { message = "Request Entity Too Large" });
            return;
        }

        var target = json.TryGetProperty("target_lang", out var t) ? t.GetString() : null;
        if (target is not ("EN-GB" or "EN-US" or "DE" or "FR" or "NL"))
        {
            await JsonAsync(context, 400, new { message = "Value for 'target_lang' not supported." });
            return;
        }

        var characters = texts.Sum(s => (long)s.Length);
        if (Interlocked.Add(ref charactersUsed, characters) > CharacterQuota)
        {
            await JsonAsync(context, 456, new { message = "Quota exceeded" });
            return;
        }

        var source = json.TryGetProperty("source_lang", out var s) ? s.GetString() : "NL";
        await JsonAsync(context, 200, new
        {
            translations = texts.Select(x => new { detected_source_language = source, text = Translate(x) }).ToArray(),
        });
    }
}
