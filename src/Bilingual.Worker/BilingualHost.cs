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
        var contentRoot = ContentRoot();
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
        AddConsole(builder.Logging);
        // Progress and diagnostics go to standard error, so standard output carries only results (segment, align).
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddBilingual();
        return builder;
    }

    /// <summary>
    /// Builds the services for a one-off command (segment, align, review apply), with <paramref name="overrides"/>
    /// on top of the same configuration sources as the host. No host is built: a command runs once and exits,
    /// and starting a host (its configuration reload, lifetime and hosted services) costs more than aligning a
    /// short pair.
    /// </summary>
    public static IServiceProvider BuildServices(IConfiguration overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(ContentRoot(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddConfiguration(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            AddConsole(logging);
        });
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddBilingual();
        return services.BuildServiceProvider();
    }

    /// <summary>The working directory when it has an <c>appsettings.json</c>, else the folder of the executable (which carries the embedded defaults).</summary>
    private static string ContentRoot()
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(workingDirectory, "appsettings.json")) ? workingDirectory : AppContext.BaseDirectory;
    }

    private static void AddConsole(ILoggingBuilder logging) => logging.AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.TimestampFormat = "HH:mm:ss ";
        console.IncludeScopes = false;
    });
}
