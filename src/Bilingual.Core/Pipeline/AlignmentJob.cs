using System.Globalization;
using System.Runtime.CompilerServices;
using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Core.Lexicon;
using Bilingual.Core.Reading;
using Bilingual.Core.Review;
using Bilingual.Core.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Core.Pipeline;

/// <summary>The output formats of the align job.</summary>
public static class AlignmentFormats
{
    /// <summary>Vecalign's bead format, one bead a line (<c>[0, 1]:[0]</c>).</summary>
    public const string Beads = "beads";

    /// <summary>Every format, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [Beads, WriterKeys.Tmx, WriterKeys.Xliff, WriterKeys.ReviewPage];
}

/// <summary>How the pairs of one align job are read and written.</summary>
/// <param name="SourceLanguage">The source language tag.</param>
/// <param name="TargetLanguage">The target language tag.</param>
/// <param name="Presegmented">True when the files hold one sentence a line (blank lines between paragraphs); else they are articles, segmented here.</param>
/// <param name="Format">One of <see cref="AlignmentFormats.All"/>.</param>
public sealed record AlignmentSettings(string SourceLanguage, string TargetLanguage, bool Presegmented = false, string Format = AlignmentFormats.Beads);

/// <summary>One pair to align.</summary>
/// <param name="Source">The source file.</param>
/// <param name="Target">Its translation.</param>
/// <param name="Bridge">A machine translation of the source into the target language, or null.</param>
/// <param name="Output">Where to write the result, or null.</param>
/// <param name="Gold">A gold alignment (Vecalign's format) to score against, or null.</param>
/// <param name="ReverseBridge">A machine translation of the target into the source language, line for line or paragraph for paragraph as a bridge is; or null.</param>
public sealed record AlignmentPair(string Source, string Target, string? Bridge = null, string? Output = null, string? Gold = null, string? ReverseBridge = null);

/// <summary>A pair read and aligned.</summary>
/// <param name="Source">The source side.</param>
/// <param name="Target">The target side.</param>
/// <param name="Alignment">The alignment, bead indices over each whole side.</param>
internal sealed record AlignedPair(SegmentedText Source, SegmentedText Target, DocumentAlignment Alignment);

/// <summary>One pair of a list, aligned and written.</summary>
/// <param name="Pair">The pair as the list gave it, paths resolved.</param>
/// <param name="Score">The score against its gold alignment, or null when the list gave none.</param>
public sealed record AlignedPairResult(AlignmentPair Pair, AlignmentScore? Score);

/// <inheritdoc cref="IAlignmentJob" />
internal sealed class AlignmentJob(
    IArticleReader reader,
    ISegmentationJob segmentation,
    DocumentAligner aligner,
    IEnumerable<IBilingualLexicon> lexicons,
    IQualityChecker checker,
    IServiceProvider services,
    TimeProvider time) : IAlignmentJob
{
    /// <inheritdoc />
    public async Task<AlignedPair> AlignAsync(AlignmentPair pair, AlignmentSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(settings);
        SegmentedText source, target;
        IReadOnlyList<IReadOnlyList<string>>? bridge = null, reverseBridge = null;
        if (settings.Presegmented)
        {
            var sourceLines = await reader.ReadLinesAsync(pair.Source, cancellationToken);
            source = reader.ParsePresegmented(pair.Source, sourceLines);
            var targetLines = await reader.ReadLinesAsync(pair.Target, cancellationToken);
            target = reader.ParsePresegmented(pair.Target, targetLines);
            if (pair.Bridge is not null)
            {
                bridge = PresegmentedBridge(pair.Bridge, await reader.ReadLinesAsync(pair.Bridge, cancellationToken), source, sourceLines);
            }

            if (pair.ReverseBridge is not null)
            {
                reverseBridge = PresegmentedBridge(pair.ReverseBridge, await reader.ReadLinesAsync(pair.ReverseBridge, cancellationToken), target, targetLines);
            }
        }
        else
        {
            // Articles are read and split as the translate job reads them: one reader, its configured heading rule and limits.
            source = await segmentation.SegmentArticleAsync(pair.Source, settings.SourceLanguage, cancellationToken);
            target = await segmentation.SegmentArticleAsync(pair.Target, settings.TargetLanguage, cancellationToken);
            if (pair.Bridge is not null)
            {
                bridge = ArticleBridge(pair.Bridge, await segmentation.SegmentArticleAsync(pair.Bridge, settings.TargetLanguage, cancellationToken), source);
            }

            if (pair.ReverseBridge is not null)
            {
                reverseBridge = ArticleBridge(pair.ReverseBridge, await segmentation.SegmentArticleAsync(pair.ReverseBridge, settings.SourceLanguage, cancellationToken), target);
            }
        }

        return Align(source, target, bridge, reverseBridge, settings);
    }

    /// <inheritdoc />
    public AlignedPair AlignTexts(string source, string target, string? bridge, AlignmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sourceText = segmentation.SegmentArticle("source", source, settings.SourceLanguage);
        var targetText = segmentation.SegmentArticle("target", target, settings.TargetLanguage);
        var bridgeSentences = bridge is null ? null : ArticleBridge("bridge", segmentation.SegmentArticle("bridge", bridge, settings.TargetLanguage), sourceText);
        return Align(sourceText, targetText, bridgeSentences, null, settings);
    }

    private AlignedPair Align(
        SegmentedText source, SegmentedText target, IReadOnlyList<IReadOnlyList<string>>? bridge, IReadOnlyList<IReadOnlyList<string>>? reverseBridge, AlignmentSettings settings)
    {
        // A bridge is compared with the target directly; only a pair without one needs a lexicon (loading it takes a moment).
        var lexicon = bridge is null ? lexicons.FirstOrDefault(l => l.Covers(settings.SourceLanguage, settings.TargetLanguage)) : null;
        return new AlignedPair(source, target, aligner.Align(source.Sentences, target.Sentences, bridge, lexicon, reverseBridge));
    }

    /// <inheritdoc />
    public BilingualDocument ToDocument(AlignedPair aligned, string name, AlignmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return checker.CheckBeads(AlignedDocumentBuilder.Build(name, settings.SourceLanguage, settings.TargetLanguage, aligned, time.GetUtcNow()));
    }

    /// <inheritdoc />
    public async Task WriteAsync(AlignedPair aligned, AlignmentSettings settings, string? path, TextWriter? standardOutput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aligned);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Format == AlignmentFormats.Beads)
        {
            if (standardOutput is not null)
            {
                BeadFormat.Write(standardOutput, aligned.Alignment.Beads);
                return;
            }

            using var text = new StringWriter(CultureInfo.InvariantCulture);
            BeadFormat.Write(text, aligned.Alignment.Beads);
            await AtomicFile.WriteAllTextAsync(path ?? throw new JobInputException("beads need an output file or standard output"), text.ToString(), cancellationToken);
            return;
        }

        var writer = services.GetKeyedService<IDocumentWriter>(settings.Format)
            ?? throw new JobInputException($"no {settings.Format} writer is registered (formats: {string.Join(", ", AlignmentFormats.All)})");
        var name = Path.GetFileNameWithoutExtension(path ?? aligned.Source.Path);
        var directory = path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var document = ToDocument(aligned, name, settings);
        var written = await writer.WriteAsync(document, directory, cancellationToken);
        if (path is not null && !string.Equals(Path.GetFullPath(written), Path.GetFullPath(path), StringComparison.Ordinal))
        {
            File.Move(written, path, overwrite: true);
        }
    }

    /// <inheritdoc />
    public AlignmentScore Score(AlignedPair aligned, string goldPath)
    {
        ArgumentNullException.ThrowIfNull(aligned);
        if (!File.Exists(goldPath))
        {
            throw new JobInputException($"{goldPath}: no such file");
        }

        try
        {
            return AlignmentScore.Score(BeadFormat.Read(goldPath), aligned.Alignment.Beads);
        }
        catch (FormatException e)
        {
            throw new JobInputException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AlignedPairResult> AlignListAsync(string listPath, AlignmentSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var pair in await AlignmentPairList.ReadAsync(listPath, cancellationToken))
        {
            var aligned = await AlignAsync(pair, settings, cancellationToken);
            await WriteAsync(aligned, settings, pair.Output, null, cancellationToken);
            yield return new AlignedPairResult(pair, pair.Gold is null ? null : Score(aligned, pair.Gold));
        }
    }

    /// <summary>
    /// A presegmented bridge translates its file (the source, or the target for a reverse bridge) line by line:
    /// line n translates line n (a blank line for an untranslated sentence is allowed); or it may leave out the
    /// file's blank lines.
    /// </summary>
    private static List<IReadOnlyList<string>> PresegmentedBridge(string path, IReadOnlyList<string> bridgeLines, SegmentedText source, IReadOnlyList<string> sourceLines)
    {
        List<string> aligned;
        if (bridgeLines.Count == sourceLines.Count || (bridgeLines.Count == sourceLines.Count + 1 && bridgeLines[^1].Length == 0))
        {
            aligned = [.. sourceLines.Select((line, n) => (line, n)).Where(x => !string.IsNullOrWhiteSpace(x.line)).Select(x => bridgeLines[x.n].Trim())];
        }
        else
        {
            aligned = [.. bridgeLines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];
            if (aligned.Count != source.SentenceCount)
            {
                throw new JobInputException(
                    $"{path}: the bridge has {bridgeLines.Count} lines ({aligned.Count} not blank); it must translate {source.Path} line by line ({sourceLines.Count} lines, {source.SentenceCount} sentences)");
            }
        }

        var result = new List<IReadOnlyList<string>>(source.Paragraphs.Count);
        var k = 0;
        foreach (var paragraph in source.Paragraphs)
        {
            result.Add(aligned.GetRange(k, paragraph.Segments.Count));
            k += paragraph.Segments.Count;
        }

        return result;
    }

    /// <summary>An article bridge is segmented like the source; a paragraph whose sentence count differs from the source's is compared without its bridge.</summary>
    private static List<IReadOnlyList<string>> ArticleBridge(string path, SegmentedText bridge, SegmentedText source)
    {
        if (bridge.Paragraphs.Count != source.Paragraphs.Count)
        {
            throw new JobInputException($"{path}: the bridge has {bridge.Paragraphs.Count} paragraphs, {source.Path} has {source.Paragraphs.Count}");
        }

        return [.. source.Paragraphs.Zip(bridge.Paragraphs, (s, b) => (IReadOnlyList<string>)(b.Segments.Count == s.Segments.Count
            ? [.. b.Segments.Select(x => x.Text)]
            : [.. s.Segments.Select(x => x.Text)]))];
    }
}
