using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Translation;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// Segments a paragraph and its translation and aligns their sentences. A heading is one segment on each
/// side. Where the backend reported sentence boundaries they are used; otherwise the aligner decides.
/// </summary>
internal sealed class ParagraphAligner(ISentenceSegmenter segmenter, ISentenceAligner aligner)
{
    /// <summary>Aligns <paramref name="paragraph"/> with its <paramref name="translation"/>.</summary>
    public AlignedParagraph Align(Paragraph paragraph, TranslatedText translation, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(translation);
        var target = translation.Text.Trim();

        if (paragraph.IsHeading)
        {
            Segment[] sourceHeading = [new(0, 0, paragraph.Text)];
            Segment[] targetHeading = target.Length == 0 ? [] : [new(0, 0, target)];
            Bead[] beads = [new([0], target.Length == 0 ? [] : [0], target.Length == 0 ? 0.0 : 1.0)];
            return new AlignedParagraph(paragraph.Index, true, paragraph.Text, target, sourceHeading, targetHeading, beads);
        }

        var sourceSegments = segmenter.Split(paragraph.Text, from);
        if (translation.SourceSentenceLengths is { } sourceLengths && translation.TargetSentenceLengths is { } targetLengths
            && sourceLengths.Sum() == paragraph.Text.Length && targetLengths.Sum() == translation.Text.Length && sourceLengths.Count == targetLengths.Count)
        {
            // The backend said where its sentences are: no need to guess (Azure's sentLen).
            var (projected, projectedBeads) = SentenceLengthProjection.Project(paragraph.Text, sourceSegments, translation.Text, sourceLengths, targetLengths);
            return new AlignedParagraph(paragraph.Index, false, paragraph.Text, translation.Text, sourceSegments, projected, projectedBeads);
        }

        var targetSegments = segmenter.Split(target, to);
        var alignment = aligner.Align(new AlignmentInput(
            sourceSegments.Select(s => s.Text).ToList(),
            targetSegments.Select(s => s.Text).ToList()));
        return new AlignedParagraph(paragraph.Index, false, paragraph.Text, target, sourceSegments, targetSegments, alignment);
    }
}
