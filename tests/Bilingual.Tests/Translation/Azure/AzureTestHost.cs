using System.Collections.Concurrent;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Translation.Azure;

/// <summary>Builds the Azure backend, as registered, pointed at a <see cref="FakeTranslatorServer"/>.</summary>
internal static class AzureTestHost
{
    public static ServiceProvider Build(
        FakeTranslatorServer server,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        CapturingLoggerProvider? logs = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Translation:Azure:Endpoint"] = server.Endpoint.ToString(),
            ["Translation:Azure:Key"] = server.Options.Key,
            // Quick retries unless a test is about the delays.
            ["Translation:Azure:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddAzureTranslator();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Waits (in real time) until <paramref name="condition"/> holds, failing after 10 seconds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), $"timed out waiting for {what}");
    }

    /// <summary>
    /// Advances the fake clock in steps until <paramref name="done"/> holds, pausing 50 ms of real time after
    /// each step so a request the step released reaches the server before the clock moves on.
    /// </summary>
    public static async Task DriveUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !done(); i++)
        {
            time.Advance(step);
            await Task.Delay(50);
        }

        Assert.True(done(), "the condition never held");
    }

    /// <summary>Advances the fake clock in steps until <paramref name="task"/> completes.</summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 2000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(2);
            time.Advance(step);
        }

        return await task;
    }
}

/// <summary>Keeps every log line, formatted, with its exception's message.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{structured}] {exception}");
        }
    }
}
