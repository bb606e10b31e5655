using Bilingual.Core.Documents;

namespace Bilingual.Core.Review;

/// <summary>The quality checks as a step of the pipeline: every bead of a document checked once, before any writer renders it.</summary>
public static class QualityCheckerExtensions
{
    /// <summary>
    /// <paramref name="document"/> with <see cref="Bead.Flags"/> set on every bead: the checker's findings on the
    /// bead's source and target sentences, each side joined by single spaces as the memory stores them.
    /// </summary>
    public static BilingualDocument CheckBeads(this IQualityChecker checker, BilingualDocument document)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(document);
        return document with
        {
            Paragraphs = [.. document.Paragraphs.Select(paragraph => paragraph with
            {
                Beads = [.. paragraph.Beads.Select(bead => bead with
                {
                    Flags = checker.Check(ReviewApplier.SourceOf(paragraph, bead), ReviewApplier.TargetOf(paragraph, bead)),
                })],
            })],
        };
    }
}
