using Bilingual.Tests.Translation.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Translation.Http;

/// <summary>
/// The contract tests of an HTTP backend, plus what its test class needs: a log capture, and servers and providers
/// disposed after each test, last started first.
/// </summary>
public abstract class HttpBackendTranslatorTests : TranslatorContractTests, IAsyncLifetime, IDisposable
{
    private readonly List<IAsyncDisposable> disposables = [];

    private protected CapturingLoggerProvider Logs { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Logs.Dispose();
        }
    }

    /// <summary>Disposes <paramref name="disposable"/> after the test.</summary>
    private protected T Track<T>(T disposable) where T : IAsyncDisposable
    {
        disposables.Add(disposable);
        return disposable;
    }

    /// <summary>
    /// A provider with the backend registered by <paramref name="register"/>: <paramref name="defaults"/> overridden by
    /// <paramref name="values"/> under <paramref name="section"/>, quick retries, and <paramref name="extra"/> settings.
    /// </summary>
    private protected ServiceProvider Build(
        Action<IServiceCollection> register,
        string section,
        Dictionary<string, string?> defaults,
        Dictionary<string, string?>? values,
        Dictionary<string, string?>? extra)
    {
        foreach (var (key, value) in values ?? [])
        {
            defaults[key] = value;
        }

        return Track(HttpBackendTestHost.Build(register, HttpBackendTestHost.Settings(section, defaults, extra), logs: Logs));
    }
}
