using Bilingual.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Bilingual.Worker;

/// <summary>Builds the Generic Host every command runs in: configuration, logging and the pipeline's services.</summary>
internal static class BilingualHost
{
    /// <summary>
    /// A host builder with configuration from, in rising precedence: <c>appsettings.json</c> (the working
    /// directory's when it has one, else the copy beside the executable), environment variables
    /// (<c>Translation__Azure__Key</c>), then <paramref name="overrides"/> from the command line.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IConfiguration? overrides = null)
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        var contentRoot = File.Exists(Path.Combine(workingDirectory, "appsettings.json")) ? workingDirectory : AppContext.BaseDirectory;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = contentRoot,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });

        if (overrides is not null)
        {
            builder.Configuration.AddConfiguration(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.IncludeScopes = false;
        });
        // Progress and diagnostics go to standard error, so standard output carries only results (segment, align).
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddBilingual();
        return builder;
    }

    /// <summary>Builds the services for a one-off command, with <paramref name="overrides"/> on top of the usual configuration.</summary>
    public static IServiceProvider BuildServices(IConfiguration overrides) => CreateBuilder(overrides).Build().Services;
}
