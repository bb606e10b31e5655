using Bilingual.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bilingual.Worker;

/// <summary>Builds the Generic Host the translate job runs in, with the configuration and services every command uses.</summary>
internal static class BilingualHost
{
    /// <summary>
    /// A host builder whose configuration is <see cref="BilingualConfiguration"/>'s (settings file, environment, then
    /// <paramref name="overrides"/>) and nothing else: no second file, no host defaults that would read other sources.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var configuration = new ConfigurationManager();
        configuration.AddBilingualSources(overrides);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Configuration = configuration,
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Logging.AddBilingualLogging(builder.Configuration);
        builder.Services.AddBilingual();
        builder.Services.AddBilingualTelemetry(builder.Configuration);
        return builder;
    }

    /// <summary>The services of a one-off command, with <paramref name="overrides"/> on top of the usual configuration.</summary>
    public static IServiceProvider BuildServices(IConfiguration overrides) =>
        BilingualConfiguration.BuildServices(BilingualConfiguration.Build(overrides.AsEnumerable()));
}
