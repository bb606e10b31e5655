using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilingual.Benchmarks.Fakes;

/// <summary>
/// The Kestrel host on 127.0.0.1 (a free port) behind the fakes of the DeepL, LibreTranslate and LLM APIs: it
/// records every request, plays scripted responses first, and leaves checking and answering to the subclass.
/// Translations come from <see cref="FakeTranslatorServer"/>'s word table, so every fake translates alike.
/// </summary>
internal abstract class FakeBackendServer : IAsyncDisposable
{
    private WebApplication app = null!;

    /// <summary>The base URL to configure as the backend's endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The clock stamped on received requests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<FakeBackendRequest> Requests { get; } = new();

    /// <summary>Responses to give, in order, before normal processing (after the key check when <see cref="FakeBackendResponse.AfterAuthentication"/>).</summary>
    public ConcurrentQueue<FakeBackendResponse> Script { get; } = new();

    /// <summary>Starts <paramref name="server"/>.</summary>
    protected static async Task<T> StartServerAsync<T>(T server) where T : FakeBackendServer
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        server.app = builder.Build();
        server.app.Run(server.ReceiveAsync);
        await server.app.StartAsync();
        server.Endpoint = new Uri(server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>The fake's translation of a text: sentence by sentence through the word table.</summary>
    public static string Translate(string text) =>
        string.Concat(FakeTranslatorServer.SplitSentences(text).Select(FakeTranslatorServer.TranslateSentence));

    /// <summary>Whether the request carries the right credentials.</summary>
    protected abstract bool IsAuthorized(FakeBackendRequest request);

    /// <summary>Answers a request without the right credentials, as the service does.</summary>
    protected abstract Task RefuseAsync(HttpContext context, FakeBackendRequest request);

    /// <summary>Checks and answers an authorised request.</summary>
    protected abstract Task HandleAsync(HttpContext context, FakeBackendRequest request);

    /// <summary>The service's error body for a scripted status without a body.</summary>
    protected abstract string ErrorBody(int status);

    /// <summary>Writes a JSON response.</summary>
    protected static async Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>Writes a JSON response serialised from <paramref name="value"/>.</summary>
    protected static Task JsonAsync(HttpContext context, int status, object value) =>
        JsonAsync(context, status, JsonSerializer.Serialize(value));

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new FakeBackendRequest(
            context.Request.Path.Value ?? string.Empty,
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            Encoding.UTF8.GetByteCount(body),
            TimeProvider.GetUtcNow());
        Requests.Enqueue(request);

        if (Script.TryPeek(out var first) && !first.AfterAuthentication && Script.TryDequeue(out var scripted))
        {
            await RespondScriptedAsync(context, scripted);
            return;
        }

        if (!IsAuthorized(request))
        {
            await RefuseAsync(context, request);
            return;
        }

        if (Script.TryDequeue(out scripted))
        {
            await RespondScriptedAsync(context, scripted);
            return;
        }

        await HandleAsync(context, request);
    }

    private async Task RespondScriptedAsync(HttpContext context, FakeBackendResponse scripted)
    {
        if (scripted.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (scripted.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await JsonAsync(context, scripted.Status, scripted.Body ?? ErrorBody(scripted.Status));
    }
}

/// <summary>A scripted response.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body; null for the service's usual error body for <paramref name="Status"/>.</param>
/// <param name="RetryAfterSeconds">A <c>Retry-After</c> header, in seconds.</param>
/// <param name="AfterAuthentication">Give it only to requests with the right credentials.</param>
/// <param name="Hang">Never answer (until the client gives up).</param>
internal sealed record FakeBackendResponse(int Status, string? Body = null, int? RetryAfterSeconds = null, bool AfterAuthentication = false, bool Hang = false);

/// <summary>A request as a fake received it.</summary>
internal sealed record FakeBackendRequest(
    string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body, int BodyBytes, DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonElement? Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
