using System.CommandLine;
using System.Globalization;
using Bilingual.Core.Alignment;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Commands;

/// <summary>
/// <c>bilingual align SOURCE TARGET [--bridge FILE] [--presegmented] [--format beads|tmx|html] [--out FILE] [--gold FILE]</c>
/// aligns an article with an existing translation; <c>bilingual align --pairs LIST</c> aligns many pairs in one
/// process. It parses the arguments and calls the align job (<see cref="IAlignmentJob"/>).
/// </summary>
internal static class AlignCommand
{
    /// <summary>Creates the command; <paramref name="buildServices"/> builds the services from the command line's configuration overrides.</summary>
    public static Command Create(Func<IConfiguration, IServiceProvider> buildServices)
    {
        ArgumentNullException.ThrowIfNull(buildServices);
        var source = new Argument<string?>("SOURCE") { Description = "The source file.", Arity = ArgumentArity.ZeroOrOne };
        var target = new Argument<string?>("TARGET") { Description = "Its translation.", Arity = ArgumentArity.ZeroOrOne };
        var bridge = new Option<string?>("--bridge") { Description = "A machine translation of the source into the target language (line by line with --presegmented)." };
        var presegmented = new Option<bool>("--presegmented") { Description = "Both files hold one sentence a line; blank lines separate paragraphs." };
        var format = new Option<string>("--format") { Description = $"{string.Join(", ", AlignmentFormats.All)} (beads: Vecalign's format).", DefaultValueFactory = _ => AlignmentFormats.Beads };
        format.AcceptOnlyFromAmong([.. AlignmentFormats.All]);
        var output = new Option<string?>("--out") { Description = "Where to write (default: beads to standard output, tmx/html in the current directory)." };
        var pairs = new Option<string?>("--pairs") { Description = "A list of pairs, one a line: SOURCE<TAB>TARGET<TAB>BRIDGE-or-empty<TAB>OUTPUT[<TAB>GOLD]." };
        var gold = new Option<string?>("--gold") { Description = "A gold alignment (Vecalign's format): print strict and lax precision, recall and F1." };
        var sourceLanguage = new Option<string?>("--lang-source") { Description = "The source language (default Translation:From)." };
        var targetLanguage = new Option<string?>("--lang-target") { Description = "The target language (default Translation:To)." };

        var command = new Command("align", "Align an article with an existing translation, sentence by sentence.");
        command.Arguments.Add(source);
        command.Arguments.Add(target);
        foreach (var option in new Option[] { bridge, presegmented, format, output, pairs, gold, sourceLanguage, targetLanguage })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (result.GetValue(sourceLanguage) is { } from)
            {
                overrides[$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.From)}"] = from;
            }

            if (result.GetValue(targetLanguage) is { } to)
            {
                overrides[$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.To)}"] = to;
            }

            var request = new AlignRequest(
                result.GetValue(source),
                result.GetValue(target),
                result.GetValue(bridge),
                result.GetValue(presegmented),
                result.GetValue(format) ?? AlignmentFormats.Beads,
                result.GetValue(output),
                result.GetValue(pairs),
                result.GetValue(gold));
            var error = result.InvocationConfiguration.Error;
            IServiceProvider services;
            try
            {
                services = buildServices(new ConfigurationBuilder().AddInMemoryCollection(overrides).Build());
            }
            catch (Exception exception) when (CommandErrors.Describe(exception) is not null)
            {
                return (await CommandErrors.ReportAsync(exception, "align", error, result.GetValue(BilingualCommandLine.Verbose)))!.Value;
            }

            using (services as IDisposable)
            {
                return await RunAsync(request, services, result.InvocationConfiguration.Output, error, cancellationToken, result.GetValue(BilingualCommandLine.Verbose));
            }
        });
        return command;
    }

    /// <summary>Runs one invocation; returns 0, or 2 with a message naming the file and the problem.</summary>
    public static async Task<int> RunAsync(AlignRequest request, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var job = services.GetRequiredService<IAlignmentJob>();
            var languages = services.GetRequiredService<IOptions<TranslationOptions>>().Value;
            var settings = new AlignmentSettings(languages.From, languages.To, request.Presegmented, request.Format);
            if (request.Pairs is not null)
            {
                if (request.Source is not null || request.Target is not null)
                {
                    throw new JobInputException("--pairs takes no SOURCE and TARGET");
                }

                var total = AlignmentScore.Empty;
                var scored = 0;
                await foreach (var aligned in job.AlignListAsync(request.Pairs, settings, cancellationToken))
                {
                    if (aligned.Score is { } score)
                    {
                        await WriteScoreAsync(output, aligned.Pair.Source, score);
                        total = total.Add(score);
                        scored++;
                    }
                }

                if (scored > 1)
                {
                    await WriteScoreAsync(output, $"all ({scored.ToString(CultureInfo.InvariantCulture)} pairs)", total);
                }

                return ExitCodes.Success;
            }

            if (request.Source is null || request.Target is null)
            {
                throw new JobInputException("align needs SOURCE and TARGET (or --pairs LIST)");
            }

            var pair = await job.AlignAsync(new AlignmentPair(request.Source, request.Target, request.Bridge), settings, cancellationToken);
            var toStandardOutput = request.Out is null && request.Format == AlignmentFormats.Beads;
            await job.WriteAsync(pair, settings, request.Out, toStandardOutput ? output : null, cancellationToken);
            if (request.Gold is not null)
            {
                // Beads on standard output stay a clean bead file: the score then goes to standard error.
                await WriteScoreAsync(toStandardOutput ? error : output, request.Gold, job.Score(pair, request.Gold));
            }

            return ExitCodes.Success;
        }
        catch (Exception exception) when (CommandErrors.Describe(exception) is not null)
        {
            return (await CommandErrors.ReportAsync(exception, "align", error, verbose))!.Value;
        }
    }

    private static Task WriteScoreAsync(TextWriter writer, string name, AlignmentScore score) =>
        writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name}: strict P {score.PrecisionStrict:0.000} R {score.RecallStrict:0.000} F1 {score.F1Strict:0.000}; lax P {score.PrecisionLax:0.000} R {score.RecallLax:0.000} F1 {score.F1Lax:0.000}"));
}

/// <summary>The arguments of one align invocation.</summary>
/// <param name="Source">The source file, or null with <paramref name="Pairs"/>.</param>
/// <param name="Target">The target file, or null with <paramref name="Pairs"/>.</param>
/// <param name="Bridge">A machine translation of the source, or null.</param>
/// <param name="Presegmented">True when the files hold one sentence a line.</param>
/// <param name="Format">One of <see cref="AlignmentFormats.All"/>.</param>
/// <param name="Out">Where to write, or null for the default.</param>
/// <param name="Pairs">A list of pairs to align, or null.</param>
/// <param name="Gold">A gold alignment to score against, or null.</param>
internal sealed record AlignRequest(
    string? Source,
    string? Target,
    string? Bridge = null,
    bool Presegmented = false,
    string Format = AlignmentFormats.Beads,
    string? Out = null,
    string? Pairs = null,
    string? Gold = null);
