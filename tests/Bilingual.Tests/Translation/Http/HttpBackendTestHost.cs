using Bilingual.Tests.Translation.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilingual.Tests.Translation.Http;

/// <summary>Builds a service provider the way the worker does, from in-memory configuration, for the HTTP backends' tests.</summary>
internal static class HttpBackendTestHost
{
    public static ServiceProvider Build(
        Action<IServiceCollection> register,
        IReadOnlyDictionary<string, string?> settings,
        TimeProvider? time = null,
        CapturingLoggerProvider? logs = null,
        bool validateOnBuild = true)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddSingleton(time ?? TimeProvider.System);
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = validateOnBuild, ValidateScopes = true });
    }

    /// <summary>Settings with quick retries, merged with <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Settings(string section, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{section}:RetryDelay"] = "00:00:00.001",
            [$"{section}:MaxRetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in values)
        {
            settings[$"{section}:{key}"] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
