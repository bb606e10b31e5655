using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;

namespace Bilingual.Core.Pipeline;

/// <summary>Turns an aligned pair into the <see cref="BilingualDocument"/> the TMX and HTML writers render.</summary>
internal static class AlignedDocumentBuilder
{
    /// <summary>The version the provenance states for a human translation.</summary>
    public const string HumanVersion = "existing translation";

    /// <summary>
    /// Builds the document: one <see cref="AlignedParagraph"/> per block of aligned paragraphs (a source paragraph
    /// and its translation in the usual case), with bead indices local to it.
    /// </summary>
    public static BilingualDocument Build(string name, string sourceLanguage, string targetLanguage, AlignedPair pair, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var sourceStarts = Starts(pair.Source);
        var targetStarts = Starts(pair.Target);
        var paragraphs = new List<AlignedParagraph>();
        foreach (var block in pair.Alignment.Blocks)
        {
            var (sourceText, sourceSegments) = Join(pair.Source.Paragraphs, block.SourceFirst, block.SourceCount);
            var (targetText, targetSegments) = Join(pair.Target.Paragraphs, block.TargetFirst, block.TargetCount);
            var sourceOffset = sourceStarts[block.SourceFirst];
            var targetOffset = targetStarts[block.TargetFirst];
            var beads = block.Beads
                .Select(b => b with { Source = [.. b.Source.Select(i => i - sourceOffset)], Target = [.. b.Target.Select(j => j - targetOffset)] })
                .ToList();
            // A block is a heading when it is one source paragraph that the reader took for a heading.
            var isHeading = block.SourceCount == 1 && pair.Source.Paragraphs[block.SourceFirst].IsHeading;
            paragraphs.Add(new AlignedParagraph(paragraphs.Count, isHeading, sourceText, targetText, sourceSegments, targetSegments, beads));
        }

        return new BilingualDocument(name, sourceLanguage, targetLanguage, pair.Source.Metadata, paragraphs,
            new Provenance("human", HumanVersion, IsGloss: false), createdAt);
    }

    private static (string Text, IReadOnlyList<Segment> Segments) Join(IReadOnlyList<SegmentedParagraph> paragraphs, int first, int count)
    {
        // Paragraphs of one block are joined by a space; segment offsets are moved into the joined text.
        var text = new System.Text.StringBuilder();
        var segments = new List<Segment>();
        for (var p = first; p < first + count; p++)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            var offset = text.Length;
            text.Append(paragraphs[p].Text);
            segments.AddRange(paragraphs[p].Segments.Select(s => new Segment(segments.Count, offset + s.Start, s.Text)));
            for (var k = segments.Count - paragraphs[p].Segments.Count; k < segments.Count; k++)
            {
                segments[k] = segments[k] with { Index = k };
            }
        }

        return (text.ToString(), segments);
    }

    private static int[] Starts(SegmentedText side)
    {
        var starts = new int[side.Paragraphs.Count + 1];
        for (var p = 0; p < side.Paragraphs.Count; p++)
        {
            starts[p + 1] = starts[p] + side.Paragraphs[p].Segments.Count;
        }

        return starts;
    }
}
