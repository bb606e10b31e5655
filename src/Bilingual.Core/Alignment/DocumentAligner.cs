using Bilingual.Core.Documents;
using Bilingual.Core.Lexicon;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Alignment;

/// <summary>
/// Aligns a whole document, paragraph structure first: where both sides have the same number of paragraphs
/// they are paired in order; where the counts differ the paragraphs are aligned first as units (the same
/// engine, a paragraph standing for a sentence) and the sentences are then aligned within each group of
/// aligned paragraphs. A side without paragraph structure makes the document one block. Lengths, lexical
/// evidence, bead-shape priors and boundary agreement are estimated on the whole document, whatever the blocks.
/// </summary>
internal sealed class DocumentAligner(IOptions<AlignmentOptions> options)
{
    /// <summary>
    /// Aligns <paramref name="source"/> with <paramref name="target"/> (each a list of paragraphs, each a list
    /// of sentences); <paramref name="bridge"/>, when given, translates the source sentence for sentence;
    /// <paramref name="lexicon"/>, when given, adds word translations to what the source is compared with;
    /// <paramref name="reverseBridge"/>, when given, translates the target sentence for sentence into the source
    /// language and is compared with the source too.
    /// Bead indices count sentences from 0 across the whole document.
    /// </summary>
    public DocumentAlignment Align(
        IReadOnlyList<IReadOnlyList<string>> source,
        IReadOnlyList<IReadOnlyList<string>> target,
        IReadOnlyList<IReadOnlyList<string>>? bridge = null,
        IBilingualLexicon? lexicon = null,
        IReadOnlyList<IReadOnlyList<string>>? reverseBridge = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var flatSource = source.SelectMany(p => p).ToList();
        var flatTarget = target.SelectMany(p => p).ToList();
        var flatBridge = bridge?.SelectMany(p => p).ToList();
        var model = new AlignmentModel(flatSource, flatTarget, flatBridge, options.Value, lexicon, reverseBridge?.SelectMany(p => p).ToList());
        var sourceStarts = Starts(source);
        var targetStarts = Starts(target);

        var (groups, paragraphSearch) = ParagraphGroups(source, target, bridge, lexicon, reverseBridge);
        var aligned = model.AlignBlocks([.. groups.Select(g => new AlignmentBlock(
            sourceStarts[g.SourceFirst], sourceStarts[g.SourceFirst + g.SourceCount] - sourceStarts[g.SourceFirst],
            targetStarts[g.TargetFirst], targetStarts[g.TargetFirst + g.TargetCount] - targetStarts[g.TargetFirst]))]);
        var blocks = new List<BlockAlignment>(groups.Count);
        for (var k = 0; k < groups.Count; k++)
        {
            var (sourceFirst, sourceCount, targetFirst, targetCount, paragraphConfidence) = groups[k];
            blocks.Add(new BlockAlignment(sourceFirst, sourceCount, targetFirst, targetCount, [.. aligned[k].Select(b => ToBead(b, paragraphConfidence))]));
        }

        return new DocumentAlignment(blocks) { Searched = paragraphSearch + model.Searched };
    }

    /// <summary>Turns a bead of the engine into the domain's bead; the confidence is the bead's posterior (times its block's).</summary>
    internal static Bead ToBead(ScoredBead bead, double blockConfidence = 1.0) => new(
        [.. Enumerable.Range(bead.SourceStart, bead.SourceCount)],
        [.. Enumerable.Range(bead.TargetStart, bead.TargetCount)],
        Math.Round(Math.Clamp(bead.Posterior * blockConfidence, 0, 1), 4));

    private (List<(int SourceFirst, int SourceCount, int TargetFirst, int TargetCount, double Confidence)> Groups, SearchCounts Searched) ParagraphGroups(
        IReadOnlyList<IReadOnlyList<string>> source,
        IReadOnlyList<IReadOnlyList<string>> target,
        IReadOnlyList<IReadOnlyList<string>>? bridge,
        IBilingualLexicon? lexicon,
        IReadOnlyList<IReadOnlyList<string>>? reverseBridge)
    {
        if (source.Count == target.Count)
        {
            return ([.. Enumerable.Range(0, source.Count).Select(p => (p, 1, p, 1, 1.0))], default);
        }

        if (source.Count <= 1 || target.Count <= 1)
        {
            return ([(0, source.Count, 0, target.Count, 1.0)], default);
        }

        var units = new AlignmentModel(
            [.. source.Select(p => string.Join(' ', p))],
            [.. target.Select(p => string.Join(' ', p))],
            bridge is null ? null : [.. bridge.Select(p => string.Join(' ', p))],
            options.Value,
            lexicon,
            reverseBridge is null ? null : [.. reverseBridge.Select(p => string.Join(' ', p))]);
        var groups = units.Align().Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount, b.Posterior)).ToList();
        return (groups, units.Searched);
    }

    private static int[] Starts(IReadOnlyList<IReadOnlyList<string>> paragraphs)
    {
        var starts = new int[paragraphs.Count + 1];
        for (var p = 0; p < paragraphs.Count; p++)
        {
            starts[p + 1] = starts[p] + paragraphs[p].Count;
        }

        return starts;
    }
}

/// <summary>A document's alignment: its blocks of aligned paragraphs in order.</summary>
/// <param name="Blocks">The blocks; together they cover every paragraph and every sentence once.</param>
internal sealed record DocumentAlignment(IReadOnlyList<BlockAlignment> Blocks)
{
    /// <summary>Every bead of the document in order, indices counted across the whole document.</summary>
    public IEnumerable<Bead> Beads => Blocks.SelectMany(b => b.Beads);

    /// <summary>What the search cost, paragraph and sentence passes together.</summary>
    public SearchCounts Searched { get; init; }
}

/// <summary>A group of source paragraphs aligned with a group of target paragraphs (1-1 in the usual case), and the beads of their sentences.</summary>
/// <param name="SourceFirst">The first source paragraph.</param>
/// <param name="SourceCount">How many source paragraphs.</param>
/// <param name="TargetFirst">The first target paragraph.</param>
/// <param name="TargetCount">How many target paragraphs.</param>
/// <param name="Beads">The sentence beads, indices counted across the whole document.</param>
internal sealed record BlockAlignment(int SourceFirst, int SourceCount, int TargetFirst, int TargetCount, IReadOnlyList<Bead> Beads);
