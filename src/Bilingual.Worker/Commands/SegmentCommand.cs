using System.CommandLine;
using Bilingual.Core.Segmentation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Commands;

/// <summary>
/// <c>bilingual segment --lang nl|en [--srx FILE] [FILE]</c>: reads a text (standard input when no file
/// is given) as one paragraph and prints its sentences, one a line. Exit code 0, or 2 with a message on
/// standard error naming the file and the problem.
/// </summary>
internal static class SegmentCommand
{
    /// <summary>The exit code for unusable input: a missing file, a bad SRX file or invalid options.</summary>
    public const int InputError = 2;

    /// <summary>Creates the command.</summary>
    /// <param name="buildServices">
    /// Builds the service provider (with <c>AddSegmentation()</c> called) from configuration overrides;
    /// <c>--srx</c> arrives as <c>Segmentation:SrxPath</c>.
    /// </param>
    public static Command Create(Func<IConfiguration, IServiceProvider> buildServices)
    {
        ArgumentNullException.ThrowIfNull(buildServices);
        var language = new Option<string>("--lang")
        {
            Description = "The language of the text: nl or en (other tags use the shared rules).",
            Required = true,
        };
        var srx = new Option<string?>("--srx")
        {
            Description = "An SRX 2.0 rules file to segment with instead of the built-in rules.",
        };
        var file = new Argument<string?>("file")
        {
            Description = "The text file to segment; standard input when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("segment", "Splits a text into sentences and prints one sentence a line.")
        {
            language,
            srx,
            file,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            buildServices,
            new SegmentArguments(result.GetValue(language)!, result.GetValue(srx), result.GetValue(file)),
            Console.In,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Runs the command against the given streams; the command's action, testable on its own.</summary>
    internal static async Task<int> RunAsync(
        Func<IConfiguration, IServiceProvider> buildServices,
        SegmentArguments arguments,
        TextReader input,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buildServices);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        string text;
        try
        {
            text = arguments.File is null
                ? await input.ReadToEndAsync(cancellationToken)
                : await File.ReadAllTextAsync(arguments.File, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"bilingual segment: {arguments.File}: cannot read the file: {e.Message}");
            return InputError;
        }

        if (arguments.SrxPath is not null && !File.Exists(arguments.SrxPath))
        {
            await error.WriteLineAsync($"bilingual segment: {arguments.SrxPath}: the SRX file does not exist");
            return InputError;
        }

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (arguments.SrxPath is not null)
        {
            overrides[$"{SegmentationOptions.SectionName}:{nameof(SegmentationOptions.SrxPath)}"] = arguments.SrxPath;
        }

        var services = buildServices(new ConfigurationBuilder().AddInMemoryCollection(overrides).Build());
        try
        {
            var segmenter = services.GetRequiredService<ISentenceSegmenter>();
            foreach (var segment in segmenter.Split(text, arguments.Language))
            {
                // One sentence a line: a line break inside a sentence becomes a space.
                await output.WriteLineAsync(segment.Text.ReplaceLineEndings(" "));
            }

            return 0;
        }
        catch (SrxRulesException e)
        {
            await error.WriteLineAsync($"bilingual segment: {e.Message}");
            return InputError;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"bilingual segment: invalid configuration: {string.Join("; ", e.Failures)}");
            return InputError;
        }
        finally
        {
            if (services is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (services is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }

    /// <summary>What was given on the command line.</summary>
    /// <param name="Language">The <c>--lang</c> value.</param>
    /// <param name="SrxPath">The <c>--srx</c> file, or null for the configured rules.</param>
    /// <param name="File">The input file, or null for standard input.</param>
    internal sealed record SegmentArguments(string Language, string? SrxPath, string? File);
}
