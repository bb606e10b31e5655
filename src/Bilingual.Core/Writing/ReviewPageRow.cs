using Bilingual.Core.Documents;

namespace Bilingual.Core.Writing;

/// <summary>One row of the review page: a bead with its texts, its quality flags and its review mark.</summary>
/// <param name="Id">The stable id, <c>p{paragraph}-b{bead}</c>, also the TMX <c>tuid</c>.</param>
/// <param name="Number">The 1-based row number in the document.</param>
/// <param name="Paragraph">The 0-based paragraph index.</param>
/// <param name="IsHeading">True when the paragraph is a heading.</param>
/// <param name="Kind">The bead type, <c>2-1</c>.</param>
/// <param name="Confidence">The aligner's confidence.</param>
/// <param name="SourceSentences">The bead's source sentences.</param>
/// <param name="TargetSentences">The bead's target sentences.</param>
/// <param name="Flags">What the quality checks found.</param>
/// <param name="Review">The reviewer's mark, if any.</param>
internal sealed record ReviewPageRow(
    string Id,
    int Number,
    int Paragraph,
    bool IsHeading,
    string Kind,
    double Confidence,
    IReadOnlyList<string> SourceSentences,
    IReadOnlyList<string> TargetSentences,
    IReadOnlyList<QualityFlag> Flags,
    ReviewMark? Review)
{
    /// <summary>The source sentences joined by single spaces, as the checks and the memory see them.</summary>
    public string Source => string.Join(' ', SourceSentences);

    /// <summary>The target sentences joined by single spaces.</summary>
    public string Target => string.Join(' ', TargetSentences);

    /// <summary>The rows of <paramref name="document"/> in reading order, with the flags the review step put on its beads.</summary>
    public static IReadOnlyList<ReviewPageRow> From(BilingualDocument document)
    {
        var rows = new List<ReviewPageRow>();
        foreach (var paragraph in document.Paragraphs)
        {
            for (var b = 0; b < paragraph.Beads.Count; b++)
            {
                var bead = paragraph.Beads[b];
                var source = bead.Source.Select(i => paragraph.SourceSegments[i].Text).ToList();
                var target = bead.Target.Select(i => paragraph.TargetSegments[i].Text).ToList();
                rows.Add(new ReviewPageRow(
                    $"p{paragraph.Index}-b{b}",
                    rows.Count + 1,
                    paragraph.Index,
                    paragraph.IsHeading,
                    bead.Kind,
                    bead.Confidence,
                    source,
                    target,
                    bead.Flags,
                    bead.Review));
            }
        }

        return rows;
    }
}
