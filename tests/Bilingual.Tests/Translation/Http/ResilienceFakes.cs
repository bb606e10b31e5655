using Bilingual.Benchmarks.Fakes;

namespace Bilingual.Tests.Translation.Http;

/// <summary>A backend's local fake as <see cref="ResilienceContractTests{TOptions}"/> drives it.</summary>
internal interface IResilienceFake : IAsyncDisposable
{
    /// <summary>The fake's base URL.</summary>
    Uri Endpoint { get; }

    /// <summary>When each request reached the fake, by the fake clock, in arrival order.</summary>
    IReadOnlyList<DateTimeOffset> Received { get; }

    /// <summary>Whether every scripted response has been given.</summary>
    bool IsScriptEmpty { get; }

    /// <summary>
    /// Scripts the next response to an authorised request: <paramref name="status"/> with the service's error body,
    /// with a <c>Retry-After</c> of <paramref name="retryAfterSeconds"/>, or with <paramref name="hang"/> no answer at all.
    /// </summary>
    void Enqueue(int status, int? retryAfterSeconds = null, bool hang = false);
}

/// <summary>The fake of DeepL, LibreTranslate or an LLM endpoint as <see cref="ResilienceContractTests{TOptions}"/> drives it.</summary>
internal sealed class BackendResilienceFake(FakeBackendServer server) : IResilienceFake
{
    public Uri Endpoint => server.Endpoint;

    public IReadOnlyList<DateTimeOffset> Received => server.Requests.Select(r => r.ReceivedAt).ToArray();

    public bool IsScriptEmpty => server.Script.IsEmpty;

    public void Enqueue(int status, int? retryAfterSeconds = null, bool hang = false) =>
        server.Script.Enqueue(new FakeBackendResponse(status, RetryAfterSeconds: retryAfterSeconds, AfterAuthentication: true, Hang: hang));

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
