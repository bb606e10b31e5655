using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Worker.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Worker.Api;

/// <summary>
/// <c>bilingual serve</c> in-process on a free loopback port, translating through a local fake of the Translator v3 API,
/// with its store, cache and results in a temporary folder. Clients: <c>newsroom</c> and <c>archive</c> (disabled).
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public const string NewsroomKey = "newsroom-key-0123456789abcdef";
    public const string ArchiveKey = "archive-key-0123456789abcdef";

    private readonly WebApplication _app;

    private ApiServer(WebApplication app, FakeTranslatorServer backend, string root)
    {
        _app = app;
        Backend = backend;
        Root = root;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NewsroomKey);
    }

    public HttpClient Client { get; }

    public FakeTranslatorServer Backend { get; }

    public string Root { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiServer> StartAsync(Dictionary<string, string?>? settings = null, FakeTranslatorServerOptions? backendOptions = null, Action<IServiceCollection>? configure = null)
    {
        var backend = await FakeTranslatorServer.StartAsync(backendOptions);
        var root = Directory.CreateTempSubdirectory("bilingual-api-").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["Translation:Backend"] = "azure",
            ["Translation:Azure:Endpoint"] = backend.Endpoint.ToString(),
            ["Translation:Azure:Key"] = backend.Options.Key,
            ["Translation:Glossary:Poetin"] = "Putin",
            ["Cache:Path"] = Path.Combine(root, "cache", "translations.db"),
            ["Api:ResultsDirectory"] = Path.Combine(root, "jobs"),
            ["Api:Keys:newsroom"] = NewsroomKey,
            ["Api:Keys:archive"] = ArchiveKey,
            ["Api:Clients:archive:Disabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            overrides[key] = value;
        }

        var app = ApiHost.Build(overrides, "http://127.0.0.1:0", configure);
        await app.StartAsync();
        return new ApiServer(app, backend, root);
    }

    /// <summary>Submits a job of <paramref name="articles"/> (name, text) and returns the answer.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IEnumerable<(string Name, string Text)> articles, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/jobs")
        {
            Content = JsonContent.Create(new { articles = articles.Select(a => new { name = a.Name, text = a.Text }) }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Polls the job until it is finished (at most <paramref name="attempts"/> × 50 ms) and returns it.</summary>
    public async Task<JsonElement> WaitAsync(string id, int attempts = 400)
    {
        for (var i = 0; ; i++)
        {
            var job = await Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{id}");
            var status = job.GetProperty("status").GetString();
            if (status is not ("queued" or "running") || i >= attempts)
            {
                return job;
            }

            // Real time, bounded: the job runs on real threads against a real (local) server.
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Backend.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
