using System.CommandLine;
using Bilingual.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker;

/// <summary>
/// The <c>bilingual</c> command line. With no command it runs the translate job over the input folder;
/// the commands below it segment, align, and take review changes back into the translation memory.
/// </summary>
internal static class BilingualCommandLine
{
    /// <summary>Builds the root command and its subcommands.</summary>
    public static RootCommand Create()
    {
        var input = new Option<string?>("--input", "-i") { Description = "Folder of articles to translate (Pipeline:InputDirectory; default seeds)." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for outputs (Pipeline:OutputDirectory; default out)." };
        var backend = new Option<string?>("--backend", "-b") { Description = "Translation backend: auto, azure, offline, deepl, libretranslate or llm (Translation:Backend; default auto)." };
        backend.AcceptOnlyFromAmong("auto", "azure", "offline", "deepl", "libretranslate", "llm");
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep running and translate articles dropped into the input folder." };

        var root = new RootCommand("Bilingual: translates articles and aligns them with their translations into an edition, a review page and a TMX.")
        {
            input, output, backend, watch,
        };
        root.Subcommands.Add(SegmentCommand.Create(BuildServices));
        root.Subcommands.Add(AlignCommand.Create(BuildServices));
        root.Subcommands.Add(ReviewCommand.Create(BuildServices));

        root.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
            AddIfSet(overrides, "Pipeline:InputDirectory", parseResult.GetValue(input));
            AddIfSet(overrides, "Pipeline:OutputDirectory", parseResult.GetValue(output));
            AddIfSet(overrides, "Translation:Backend", parseResult.GetValue(backend));
            return RunTranslateJobAsync(overrides, parseResult.GetValue(watch), cancellationToken);
        });

        return root;
    }

    /// <summary>Runs the translate job in the Generic Host and returns its exit code.</summary>
    internal static async Task<int> RunTranslateJobAsync(IReadOnlyDictionary<string, string?> overrides, bool watch, CancellationToken cancellationToken)
    {
        var builder = BilingualHost.CreateBuilder(new ConfigurationBuilder().AddInMemoryCollection(overrides).Build());
        var run = new WorkerRun(watch);
        builder.Services.AddSingleton(run);
        builder.Services.AddHostedService<TranslationWorker>();

        try
        {
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return run.ExitCode;
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync($"bilingual: configuration error: {string.Join("; ", exception.Failures)}");
            return 2;
        }
    }

    /// <summary>The service provider the subcommands use, with their overrides on top of the usual configuration.</summary>
    internal static IServiceProvider BuildServices(IConfiguration overrides) => BilingualHost.BuildServices(overrides);

    private static void AddIfSet(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }
    }
}
