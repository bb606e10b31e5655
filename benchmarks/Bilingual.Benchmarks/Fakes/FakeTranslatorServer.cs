using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilingual.Benchmarks.Fakes;

/// <summary>
/// A local stand-in for the Translator Text API v3.0 <c>/translate</c> operation on 127.0.0.1, for tests and the
/// Azure benchmark. It checks the request like the service does (key, region, api-version, content type,
/// limits), enforces a characters-per-window allowance with 429001, can fail a share of requests transiently
/// or follow a script, and "translates" deterministically: each sentence is rewritten word by word through a
/// tiny Dutch–English table, dictionary markup is replaced by its translation, and <c>sentLen</c> is exact.
/// </summary>
internal sealed partial class FakeTranslatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeTranslatorServerOptions options;
    private readonly Queue<(DateTimeOffset At, int Characters)> window = new();
    private double failureDebt = 0.5;
    private long windowCharacters;
    private int failuresGiven;
    private int requestNumber;
    private int throttled;
    private long charactersTranslated;

    private FakeTranslatorServer(WebApplication app, FakeTranslatorServerOptions options)
    {
        this.app = app;
        this.options = options;
    }

    /// <summary>The base URL to configure as <c>Translation:Azure:Endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The settings the server runs with; mutable between requests.</summary>
    public FakeTranslatorServerOptions Options => options;

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<FakeTranslatorRequest> Requests { get; } = new();

    /// <summary>Responses to give, in order, before normal processing (after the key check when <see cref="FakeResponse.AfterAuthentication"/>).</summary>
    public ConcurrentQueue<FakeResponse> Script { get; } = new();

    /// <summary>429 responses given.</summary>
    public int Throttled => Volatile.Read(ref throttled);

    /// <summary>Characters translated in successful responses.</summary>
    public long CharactersTranslated => Interlocked.Read(ref charactersTranslated);

    /// <summary>Starts a server on a free port of 127.0.0.1.</summary>
    public static async Task<FakeTranslatorServer> StartAsync(FakeTranslatorServerOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeTranslatorServer(app, options ?? new FakeTranslatorServerOptions());
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address);
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var aborted = context.RequestAborted;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(aborted);
        var recorded = new FakeTranslatorRequest(
            request.Path.Value ?? string.Empty,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            options.TimeProvider.GetUtcNow());
        Requests.Enqueue(recorded);
        context.Response.Headers["X-RequestId"] = $"fake-{Interlocked.Increment(ref requestNumber)}";

        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, aborted);
        }

        if (Script.TryPeek(out var first) && !first.AfterAuthentication && Script.TryDequeue(out var scripted))
        {
            await RespondScriptedAsync(context, scripted);
            return;
        }

        if (recorded.Header("Ocp-Apim-Subscription-Key") != options.Key
            || (options.RequiredRegion is { } region && recorded.Header("Ocp-Apim-Subscription-Region") != region))
        {
            await ErrorAsync(context, 401000, "The request is not authorized because credentials are missing or invalid.");
            return;
        }

        if (Script.TryDequeue(out scripted))
        {
            await RespondScriptedAsync(context, scripted);
            return;
        }

        if (!request.Path.Equals("/translate") && !request.Path.Equals("/translator/text/v3.0/translate"))
        {
            await ErrorAsync(context, 404000, "The requested resource was not found.");
            return;
        }

        if (recorded.Query.GetValueOrDefault("api-version") != "3.0")
        {
            await ErrorAsync(context, 400021, "The API version parameter is missing or invalid.");
            return;
        }

        if (string.IsNullOrEmpty(recorded.Query.GetValueOrDefault("to")))
        {
            await ErrorAsync(context, 400036, "The target language is not valid.");
            return;
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 415000, "The Content-Type header is missing or invalid.");
            return;
        }

        List<string> texts;
        try
        {
            texts = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.GetProperty("Text").GetString() ?? string.Empty).ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            await ErrorAsync(context, 400074, "The body of the request is not valid JSON.");
            return;
        }

        var characters = texts.Sum(t => t.Length);
        if (texts.Count > options.MaxElements)
        {
            await ErrorAsync(context, 400072, "The array of input text has too many elements.");
            return;
        }

        if (texts.Any(t => t.Length > options.MaxCharacters))
        {
            await ErrorAsync(context, 400050, "The input text is too long.");
            return;
        }

        if (characters > options.MaxCharacters)
        {
            await ErrorAsync(context, 400077, "The maximum request size has been exceeded.");
            return;
        }

        if (NextFails() is { } failure)
        {
            var serviceUnavailable = failure % 2 == 0;
            await ErrorAsync(context, serviceUnavailable ? 503000 : 500000,
                serviceUnavailable ? "The service is temporarily unavailable." : "An unexpected error occurred.");
            return;
        }

        if (!Admit(characters))
        {
            Interlocked.Increment(ref throttled);
            if (options.RetryAfterOnThrottle is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await ErrorAsync(context, 429001, "The server rejected the request because the client has exceeded request limits.");
            return;
        }

        Interlocked.Add(ref charactersTranslated, characters);
        context.Response.Headers["X-Metered-Usage"] = characters.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=utf-8";
        var includeSentenceLength = recorded.Query.GetValueOrDefault("includeSentenceLength") == "true";
        await context.Response.Body.WriteAsync(TranslateBody(texts, recorded.Query["to"], includeSentenceLength), aborted);
    }

    // Exactly TransientFailureRate of the valid requests fail, spread evenly (error diffusion), alternating 503
    // and 500: deterministic, so a test or a benchmark run sees the same share every time.
    private int? NextFails()
    {
        if (options.TransientFailureRate <= 0)
        {
            return null;
        }

        lock (window)
        {
            failureDebt += options.TransientFailureRate;
            if (failureDebt < 1)
            {
                return null;
            }

            failureDebt -= 1;
            return ++failuresGiven;
        }
    }

    // A sliding window: the characters accepted in the last Window, as the service's per-minute allowance.
    private bool Admit(int characters)
    {
        if (options.CharactersPerWindow <= 0)
        {
            return true;
        }

        lock (window)
        {
            var now = options.TimeProvider.GetUtcNow();
            while (window.Count > 0 && window.Peek().At <= now - options.Window)
            {
                windowCharacters -= window.Dequeue().Characters;
            }

            if (windowCharacters + characters > options.CharactersPerWindow)
            {
                return false;
            }

            window.Enqueue((now, characters));
            windowCharacters += characters;
            return true;
        }
    }

    private async Task RespondScriptedAsync(HttpContext context, FakeResponse scripted)
    {
        if (scripted.Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, options.TimeProvider, context.RequestAborted);
        }

        if (scripted.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (scripted.Status == 429)
        {
            Interlocked.Increment(ref throttled);
        }

        if (scripted.Code is { } code)
        {
            await ErrorAsync(context, code, "Scripted failure.", scripted.Status);
        }
        else
        {
            context.Response.StatusCode = scripted.Status;
        }
    }

    private static async Task ErrorAsync(HttpContext context, int code, string message, int? status = null)
    {
        context.Response.StatusCode = status ?? code / 1000;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    private static byte[] TranslateBody(IReadOnlyList<string> texts, string to, bool includeSentenceLength)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var text in texts)
            {
                var sentences = SplitSentences(text);
                var translated = sentences.Select(TranslateSentence).ToList();
                writer.WriteStartObject();
                writer.WriteStartArray("translations");
                writer.WriteStartObject();
                writer.WriteString("text", string.Concat(translated));
                writer.WriteString("to", to);
                if (includeSentenceLength)
                {
                    writer.WriteStartObject("sentLen");
                    writer.WriteStartArray("srcSentLen");
                    sentences.ForEach(s => writer.WriteNumberValue(s.Length));
                    writer.WriteEndArray();
                    writer.WriteStartArray("transSentLen");
                    translated.ForEach(s => writer.WriteNumberValue(s.Length));
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>Sentences of the text as received (markup included), each with the whitespace after it.</summary>
    public static List<string> SplitSentences(string text)
    {
        var sentences = SentenceEnd().Split(text).Where(s => s.Length > 0).ToList();
        return sentences.Count == 0 ? [text] : sentences;
    }

    /// <summary>The fake's translation of one sentence: markup replaced by its translation, words through the table.</summary>
    public static string TranslateSentence(string sentence)
    {
        var unmarked = Markup().Replace(sentence, m => WebUtility.HtmlDecode(m.Groups["translation"].Value));
        return Word().Replace(unmarked, m => Table.TryGetValue(m.Value, out var english) ? english : m.Value);
    }

    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["de"] = "the", ["het"] = "the", ["De"] = "The", ["Het"] = "The", ["een"] = "a", ["Een"] = "A", ["en"] = "and",
        ["van"] = "of", ["niet"] = "not", ["zijn"] = "are", ["is"] = "is", ["dat"] = "that", ["Dat"] = "That",
        ["op"] = "on", ["juli"] = "July", ["oorlog"] = "war", ["Kernwapens"] = "Nuclear weapons", ["verwacht"] = "expects",
        ["zin"] = "sentence", ["Goedemorgen"] = "Good morning", ["bestaat"] = "exists", ["al"] = "already",
    };

    // A sentence ends after . ! or ? (and closing quotes) and the whitespace that follows.
    [GeneratedRegex(@"(?<=[.!?][""'’”]?\s+)(?=\S)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"<mstrans:dictionary translation=""(?<translation>[^""]*)"">.*?</mstrans:dictionary>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}

/// <summary>How the fake behaves.</summary>
internal sealed class FakeTranslatorServerOptions
{
    /// <summary>The only key accepted.</summary>
    public string Key { get; set; } = "fake-key-5a0c9d2e7b1f4386";

    /// <summary>When set, requests must carry this <c>Ocp-Apim-Subscription-Region</c> (a multi-service key).</summary>
    public string? RequiredRegion { get; set; }

    /// <summary>Added to every response.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The clock for the latency and the rate window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Characters accepted per <see cref="Window"/>; 0 for no limit.</summary>
    public int CharactersPerWindow { get; set; }

    /// <summary>The sliding window of the allowance.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>Retry-After</c> sent with a 429 from the allowance; none by default, as the service.</summary>
    public TimeSpan? RetryAfterOnThrottle { get; set; }

    /// <summary>The share of valid requests answered 500000 or 503000, spread evenly.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>Texts per request.</summary>
    public int MaxElements { get; set; } = 1000;

    /// <summary>Characters per request and per text.</summary>
    public int MaxCharacters { get; set; } = 50_000;
}

/// <summary>One scripted response.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The error code for the documented error body, or null for no body.</param>
/// <param name="RetryAfterSeconds">A <c>Retry-After</c> header, or null.</param>
/// <param name="Hang">Never answer (until the client gives up).</param>
/// <param name="AfterAuthentication">Give it only to requests with the right key.</param>
internal sealed record FakeResponse(int Status, int? Code = null, int? RetryAfterSeconds = null, bool Hang = false, bool AfterAuthentication = false);

/// <summary>A request as the fake received it.</summary>
internal sealed record FakeTranslatorRequest(
    string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The texts of the body.</summary>
    public IReadOnlyList<string> Texts =>
        JsonDocument.Parse(Body).RootElement.EnumerateArray().Select(e => e.GetProperty("Text").GetString() ?? string.Empty).ToList();
}
