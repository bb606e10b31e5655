using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bilingual.Core;

/// <summary>
/// The one way every command and host builds its configuration and services. Configuration comes from, in
/// rising precedence: <c>appsettings.json</c> (the working directory's when it has one, else the copy beside the
/// executable, which carries the embedded defaults; never both, so lists such as the glossary are never merged
/// from two files), environment variables (<c>Translation__Azure__Key</c>), then the command line's overrides.
/// </summary>
public static class BilingualConfiguration
{
    /// <summary>The settings file's name.</summary>
    public const string FileName = "appsettings.json";

    /// <summary>The <c>appsettings.json</c> that is read: the working directory's when it has one, else the one beside the executable.</summary>
    public static string SettingsFile()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), FileName);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, FileName);
    }

    /// <summary>Adds the settings file, the environment and <paramref name="overrides"/> to <paramref name="builder"/>, in that order.</summary>
    public static IConfigurationBuilder AddBilingualSources(this IConfigurationBuilder builder, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJsonFile(SettingsFile(), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder;
    }

    /// <summary>The configuration with <paramref name="overrides"/> on top.</summary>
    public static IConfigurationRoot Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new ConfigurationBuilder().AddBilingualSources(overrides).Build();

    /// <summary>
    /// Logging as every command does it: the <c>Logging</c> section's levels, one line a message on standard error, so
    /// that standard output carries only results (segment, align).
    /// </summary>
    public static ILoggingBuilder AddBilingualLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.IncludeScopes = false;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        return logging;
    }

    /// <summary>
    /// The services of a command that runs once (segment, align, review import): configuration, logging and every
    /// stage, with every option validated before the first is used. No Generic Host is built: starting one (its
    /// lifetime and hosted services) costs more than aligning a short pair.
    /// </summary>
    /// <exception cref="OptionsValidationException">An option is invalid; <see cref="OptionsValidationException.Failures"/> name the keys.</exception>
    public static ServiceProvider BuildServices(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging.AddBilingualLogging(configuration));
        services.AddBilingual();
        var provider = services.BuildServiceProvider();
        try
        {
            ValidateOptions(provider);
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Runs every validation registered with <c>ValidateOnStart</c> now, as a host does when it starts.</summary>
    /// <exception cref="OptionsValidationException">An option is invalid.</exception>
    public static void ValidateOptions(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
    }
}
