using System.CommandLine;
using Bilingual.Core.Documents;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Segmentation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Worker.Commands;

/// <summary>
/// <c>bilingual segment --lang nl|en [--srx FILE] [--plain] [FILE]</c>: reads an article (standard input when no
/// file is given) and prints its sentences, one a line: the metadata token left out, a heading on a line of its
/// own, a blank line between paragraphs (the presegmented format <c>align --presegmented</c> reads). With
/// <c>--plain</c> the text is split as one paragraph, as it stands. Exit code 0, or 2 with a message on standard
/// error naming the file and the problem.
/// </summary>
internal static class SegmentCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="buildServices">Builds the services from configuration overrides; <c>--srx</c> arrives as <c>Segmentation:SrxPath</c>.</param>
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
        var plain = new Option<bool>("--plain")
        {
            Description = "Split the text as one paragraph, without reading it as an article (no metadata token, no headings).",
        };
        var file = new Argument<string?>("file")
        {
            Description = "The article to segment; standard input when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("segment", "Splits an article into sentences and prints one sentence a line.")
        {
            language,
            srx,
            plain,
            file,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            buildServices,
            new SegmentArguments(result.GetValue(language)!, result.GetValue(srx), result.GetValue(file), result.GetValue(plain)),
            Console.In,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken,
            result.GetValue(BilingualCommandLine.Verbose)));
        return command;
    }

    /// <summary>Runs the command against the given streams; the command's action, testable on its own.</summary>
    internal static async Task<int> RunAsync(
        Func<IConfiguration, IServiceProvider> buildServices,
        SegmentArguments arguments,
        TextReader input,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken,
        bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(buildServices);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (arguments.SrxPath is not null && !File.Exists(arguments.SrxPath))
        {
            await error.WriteLineAsync($"segment: {arguments.SrxPath}: the SRX file does not exist");
            return ExitCodes.SetupError;
        }

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (arguments.SrxPath is not null)
        {
            overrides[$"{SegmentationOptions.SectionName}:{nameof(SegmentationOptions.SrxPath)}"] = arguments.SrxPath;
        }

        IServiceProvider? services = null;
        try
        {
            services = buildServices(new ConfigurationBuilder().AddInMemoryCollection(overrides).Build());
            var job = services.GetRequiredService<ISegmentationJob>();
            if (arguments.Plain)
            {
                var text = arguments.File is null ? await input.ReadToEndAsync(cancellationToken) : await ReadPlainAsync(arguments.File, cancellationToken);
                await WriteSentencesAsync(output, job.SegmentPlain(text, arguments.Language));
                return ExitCodes.Success;
            }

            var article = arguments.File is null
                ? job.SegmentArticle("standard input", await input.ReadToEndAsync(cancellationToken), arguments.Language)
                : await job.SegmentArticleAsync(arguments.File, arguments.Language, cancellationToken);
            for (var p = 0; p < article.Paragraphs.Count; p++)
            {
                if (p > 0)
                {
                    await output.WriteLineAsync();
                }

                await WriteSentencesAsync(output, article.Paragraphs[p].Segments);
            }

            return ExitCodes.Success;
        }
        catch (Exception exception) when (CommandErrors.Describe(exception) is not null)
        {
            return (await CommandErrors.ReportAsync(exception, "segment", error, verbose))!.Value;
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

    private static async Task<string> ReadPlainAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobInputException($"{path}: cannot read the file: {e.Message}", e);
        }
    }

    private static async Task WriteSentencesAsync(TextWriter output, IReadOnlyList<Segment> segments)
    {
        foreach (var segment in segments)
        {
            // One sentence a line: a line break inside a sentence becomes a space.
            await output.WriteLineAsync(segment.Text.ReplaceLineEndings(" "));
        }
    }

    /// <summary>What was given on the command line.</summary>
    /// <param name="Language">The <c>--lang</c> value.</param>
    /// <param name="SrxPath">The <c>--srx</c> file, or null for the configured rules.</param>
    /// <param name="File">The input file, or null for standard input.</param>
    /// <param name="Plain">True to split the text as one paragraph rather than read it as an article.</param>
    internal sealed record SegmentArguments(string Language, string? SrxPath, string? File, bool Plain = false);
}
