using System.CommandLine;
using Bilingual.Core;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Translation;
using Bilingual.Worker.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bilingual.Worker;

/// <summary>
/// The <c>bilingual</c> command line. With no command it runs the translate job over the input folder;
/// the commands below it segment, align, and take review changes back into the translation memory.
/// Each parses its arguments, calls one Core job and maps the result to an exit code (<see cref="ExitCodes"/>).
/// </summary>
internal static class BilingualCommandLine
{
    /// <summary>Shows the exception behind a configuration or input error, after its one-line message.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Show the exception behind an error message.", Recursive = true };

    /// <summary>Builds the root command and its subcommands.</summary>
    public static RootCommand Create()
    {
        var input = new Option<string?>("--input", "-i") { Description = "Folder of articles to translate (Pipeline:InputDirectory; default seeds)." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for outputs (Pipeline:OutputDirectory; default out)." };
        var backend = new Option<string?>("--backend", "-b") { Description = $"Translation backend: {BackendNames.List} (Translation:Backend; default auto)." };
        backend.AcceptOnlyFromAmong([.. BackendNames.All]);
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep running and translate articles dropped into the input folder." };

        var root = new RootCommand("Bilingual: translates articles and aligns them with their translations into an edition, a review page and a TMX.")
        {
            input, output, backend, watch, Verbose,
        };
        root.Subcommands.Add(SegmentCommand.Create(BilingualHost.BuildServices));
        root.Subcommands.Add(AlignCommand.Create(BilingualHost.BuildServices));
        root.Subcommands.Add(ReviewCommand.Create(BilingualHost.BuildServices));
        root.Subcommands.Add(ServeCommand.Create());

        root.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
            AddIfSet(overrides, $"{PipelineOptions.SectionName}:{nameof(PipelineOptions.InputDirectory)}", parseResult.GetValue(input));
            AddIfSet(overrides, $"{PipelineOptions.SectionName}:{nameof(PipelineOptions.OutputDirectory)}", parseResult.GetValue(output));
            AddIfSet(overrides, $"{TranslationOptions.SectionName}:{nameof(TranslationOptions.Backend)}", parseResult.GetValue(backend));
            return RunTranslateJobAsync(overrides, parseResult.GetValue(watch), parseResult.GetValue(Verbose), parseResult.InvocationConfiguration.Error, cancellationToken);
        });

        return root;
    }

    /// <summary>Runs the translate job in the Generic Host and returns its exit code.</summary>
    internal static async Task<int> RunTranslateJobAsync(
        IReadOnlyDictionary<string, string?> overrides, bool watch, bool verbose, TextWriter error, CancellationToken cancellationToken)
    {
        var run = new WorkerRun(watch);
        try
        {
            var builder = BilingualHost.CreateBuilder(overrides);
            builder.Services.AddSingleton(run);
            builder.Services.AddHostedService<TranslationWorker>();
            using var host = builder.Build();
            // Options are checked before the host starts, so a bad one is one line here, not a host failure and its trace.
            BilingualConfiguration.ValidateOptions(host.Services);
            await host.RunAsync(cancellationToken);
            if (run.Fault is { } fault)
            {
                await CommandErrors.ReportRunFaultAsync(fault, "bilingual", error, verbose);
            }

            return run.ExitCode;
        }
        catch (Exception exception) when (CommandErrors.Describe(exception) is not null)
        {
            return (await CommandErrors.ReportAsync(exception, "bilingual", error, verbose))!.Value;
        }
    }

    private static void AddIfSet(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }
    }
}
