using System.CommandLine;
using System.Globalization;
using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Translation.Offline;
using Bilingual.Core.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Commands;

/// <summary>
/// <c>bilingual align SOURCE TARGET [--bridge FILE] [--presegmented] [--format beads|tmx|html] [--out FILE] [--gold FILE]</c>
/// aligns an article with an existing translation; <c>bilingual align --pairs LIST</c> aligns many pairs in
/// one process.
/// </summary>
internal static class AlignCommand
{
    /// <summary>The exit code for bad input (a missing or malformed file, a bad option).</summary>
    public const int InputError = 2;

    /// <summary>Creates the command; <paramref name="buildServices"/> builds the service provider from the configuration.</summary>
    public static Command Create(Func<IConfiguration, IServiceProvider> buildServices)
    {
        ArgumentNullException.ThrowIfNull(buildServices);
        var source = new Argument<string?>("SOURCE") { Description = "The source file.", Arity = ArgumentArity.ZeroOrOne };
        var target = new Argument<string?>("TARGET") { Description = "Its translation.", Arity = ArgumentArity.ZeroOrOne };
        var bridge = new Option<string?>("--bridge") { Description = "A machine translation of the source into the target language (line by line with --presegmented)." };
        var presegmented = new Option<bool>("--presegmented") { Description = "Both files hold one sentence a line; blank lines separate paragraphs." };
        var format = new Option<string>("--format") { Description = "beads (Vecalign's format), tmx or html.", DefaultValueFactory = _ => "beads" };
        format.AcceptOnlyFromAmong("beads", "tmx", "html");
        var output = new Option<string?>("--out") { Description = "Where to write (default: beads to standard output, tmx/html beside the current directory)." };
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

        command.SetAction((ParseResult result, CancellationToken cancellationToken) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build();
            var request = new AlignRequest(
                result.GetValue(source),
                result.GetValue(target),
                result.GetValue(bridge),
                result.GetValue(presegmented),
                result.GetValue(format) ?? "beads",
                result.GetValue(output),
                result.GetValue(pairs),
                result.GetValue(gold),
                result.GetValue(sourceLanguage) ?? configuration["Translation:From"] ?? "nl",
                result.GetValue(targetLanguage) ?? configuration["Translation:To"] ?? "en");
            var invocation = result.InvocationConfiguration;
            return RunAsync(request, buildServices(configuration), invocation.Output, invocation.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs one invocation; returns 0, or <see cref="InputError"/> with a message naming the file and the problem.</summary>
    public static async Task<int> RunAsync(AlignRequest request, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var job = new AlignJob(request, services);
            if (request.Pairs is not null)
            {
                if (request.Source is not null || request.Target is not null)
                {
                    throw new AlignInputException("--pairs takes no SOURCE and TARGET");
                }

                return await RunPairsAsync(job, request.Pairs, output, cancellationToken);
            }

            if (request.Source is null || request.Target is null)
            {
                throw new AlignInputException("align needs SOURCE and TARGET (or --pairs LIST)");
            }

            var aligned = job.Align(request.Source, request.Target, request.Bridge);
            var toStandardOutput = request.Out is null && request.Format == "beads";
            await job.WriteAsync(aligned, request.Out, toStandardOutput ? output : null, cancellationToken);
            if (request.Gold is not null)
            {
                var score = AlignmentScore.Score(ReadGold(request.Gold), aligned.Alignment.Beads);
                // Beads on standard output stay a clean bead file: the score then goes to standard error.
                await WriteScoreAsync(toStandardOutput ? error : output, request.Gold, score);
            }

            return 0;
        }
        catch (AlignInputException e)
        {
            await error.WriteLineAsync($"align: {e.Message}");
            return InputError;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"align: invalid configuration: {string.Join("; ", e.Failures)}");
            return InputError;
        }
    }

    private static async Task<int> RunPairsAsync(AlignJob job, string list, TextWriter output, CancellationToken cancellationToken)
    {
        if (!File.Exists(list))
        {
            throw new AlignInputException($"{list}: no such file");
        }

        // Relative paths in the list are relative to the list's own folder.
        var folder = Path.GetDirectoryName(Path.GetFullPath(list))!;
        string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(folder, path);
        var total = AlignmentScore.Empty;
        var scored = 0;
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(list, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length is < 4 or > 5 || fields[0].Length == 0 || fields[1].Length == 0 || fields[3].Length == 0)
            {
                throw new AlignInputException($"{list}:{number}: expected SOURCE<TAB>TARGET<TAB>BRIDGE-or-empty<TAB>OUTPUT[<TAB>GOLD], found {fields.Length} fields");
            }

            var aligned = job.Align(Resolve(fields[0]), Resolve(fields[1]), fields[2].Length == 0 ? null : Resolve(fields[2]));
            await job.WriteAsync(aligned, Resolve(fields[3]), null, cancellationToken);
            if (fields.Length == 5 && fields[4].Length > 0)
            {
                var score = AlignmentScore.Score(ReadGold(Resolve(fields[4])), aligned.Alignment.Beads);
                await WriteScoreAsync(output, fields[0], score);
                total = total.Add(score);
                scored++;
            }
        }

        if (scored > 1)
        {
            await WriteScoreAsync(output, $"all ({scored.ToString(CultureInfo.InvariantCulture)} pairs)", total);
        }

        return 0;
    }

    private static IReadOnlyList<Bead> ReadGold(string path)
    {
        if (!File.Exists(path))
        {
            throw new AlignInputException($"{path}: no such file");
        }

        try
        {
            return BeadFormat.Read(path);
        }
        catch (FormatException e)
        {
            throw new AlignInputException(e.Message);
        }
    }

    private static Task WriteScoreAsync(TextWriter writer, string name, AlignmentScore score) =>
        writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name}: strict P {score.PrecisionStrict:0.000} R {score.RecallStrict:0.000} F1 {score.F1Strict:0.000}; lax P {score.PrecisionLax:0.000} R {score.RecallLax:0.000} F1 {score.F1Lax:0.000}"));
}

/// <summary>The options of one align invocation.</summary>
/// <param name="Source">The source file, or null with <paramref name="Pairs"/>.</param>
/// <param name="Target">The target file, or null with <paramref name="Pairs"/>.</param>
/// <param name="Bridge">A machine translation of the source, or null.</param>
/// <param name="Presegmented">True when the files hold one sentence a line.</param>
/// <param name="Format"><c>beads</c>, <c>tmx</c> or <c>html</c>.</param>
/// <param name="Out">Where to write, or null for the default.</param>
/// <param name="Pairs">A list of pairs to align, or null.</param>
/// <param name="Gold">A gold alignment to score against, or null.</param>
/// <param name="SourceLanguage">The source language tag.</param>
/// <param name="TargetLanguage">The target language tag.</param>
internal sealed record AlignRequest(
    string? Source,
    string? Target,
    string? Bridge = null,
    bool Presegmented = false,
    string Format = "beads",
    string? Out = null,
    string? Pairs = null,
    string? Gold = null,
    string SourceLanguage = "nl",
    string TargetLanguage = "en");

/// <summary>A pair read and aligned.</summary>
/// <param name="Source">The source side.</param>
/// <param name="Target">The target side.</param>
/// <param name="Alignment">The alignment, indices over each whole file.</param>
internal sealed record AlignedPair(AlignSide Source, AlignSide Target, DocumentAlignment Alignment);

/// <summary>Reads, aligns and writes pairs with the services of one invocation.</summary>
internal sealed class AlignJob(AlignRequest request, IServiceProvider services)
{
    private readonly Lazy<DocumentAligner> bridgedAligner = new(() => new DocumentAligner(AlignmentOptionsOf(services)));

    // Loading a dictionary takes a moment: only pairs without a bridge need it.
    private readonly Lazy<DocumentAligner> lexicalAligner = new(() => new DocumentAligner(AlignmentOptionsOf(services), Lexicon(request, services)));

    private static IOptions<AlignmentOptions> AlignmentOptionsOf(IServiceProvider services) =>
        services.GetService<IOptions<AlignmentOptions>>() ?? Options.Create(new AlignmentOptions());

    /// <summary>
    /// A lexicon for the request's language pair (the FreeDict dictionary for Dutch–English, when installed),
    /// or null. Where a bridge is given the aligner compares it with the target and leaves the lexicon aside.
    /// </summary>
    private static FreeDictLexicon? Lexicon(AlignRequest request, IServiceProvider services) =>
        services.GetService<FreeDictLexicon>() is { } lexicon && lexicon.Covers(request.SourceLanguage, request.TargetLanguage) ? lexicon : null;

    /// <summary>Reads and aligns one pair.</summary>
    public AlignedPair Align(string sourcePath, string targetPath, string? bridgePath)
    {
        ISentenceSegmenter? segmenter = null;
        if (!request.Presegmented)
        {
            segmenter = services.GetService<ISentenceSegmenter>()
                ?? throw new AlignInputException("no sentence segmenter is registered; pass --presegmented for files of one sentence a line");
        }

        var source = request.Presegmented ? AlignInputs.ReadPresegmented(sourcePath) : AlignInputs.ReadArticle(sourcePath, segmenter!, request.SourceLanguage);
        var target = request.Presegmented ? AlignInputs.ReadPresegmented(targetPath) : AlignInputs.ReadArticle(targetPath, segmenter!, request.TargetLanguage);
        var bridge = bridgePath is null ? null : AlignInputs.ReadBridge(bridgePath, source, request.Presegmented, segmenter, request.TargetLanguage);
        var aligner = bridge is null ? lexicalAligner.Value : bridgedAligner.Value;
        return new AlignedPair(source, target, aligner.Align(source.Sentences, target.Sentences, bridge));
    }

    /// <summary>Writes the alignment in the requested format to <paramref name="path"/>, or to <paramref name="standardOutput"/> when given.</summary>
    public async Task WriteAsync(AlignedPair pair, string? path, TextWriter? standardOutput, CancellationToken cancellationToken)
    {
        if (request.Format == "beads")
        {
            if (standardOutput is not null)
            {
                BeadFormat.Write(standardOutput, pair.Alignment.Beads);
                return;
            }

            using var text = new StringWriter(CultureInfo.InvariantCulture);
            BeadFormat.Write(text, pair.Alignment.Beads);
            await AtomicFile.WriteAllTextAsync(path!, text.ToString(), cancellationToken);
            return;
        }

        var writer = services.GetKeyedService<IDocumentWriter>(request.Format)
            ?? throw new AlignInputException($"no {request.Format} writer is registered");
        var name = path is null ? Path.GetFileNameWithoutExtension(pair.Source.Path) : Path.GetFileNameWithoutExtension(path);
        var directory = path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var document = AlignDocumentBuilder.Build(name, request.SourceLanguage, request.TargetLanguage, pair, time.GetUtcNow());
        var written = await writer.WriteAsync(document, directory, cancellationToken);
        if (path is not null && !string.Equals(Path.GetFullPath(written), Path.GetFullPath(path), StringComparison.Ordinal))
        {
            File.Move(written, path, overwrite: true);
        }
    }
}
