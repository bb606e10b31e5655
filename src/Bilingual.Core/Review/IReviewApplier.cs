using Bilingual.Core.Documents;

namespace Bilingual.Core.Review;

/// <summary>Carries reviewers' stored corrections into a freshly aligned document.</summary>
public interface IReviewApplier
{
    /// <summary>
    /// Returns <paramref name="document"/> with every bead whose source text has a stored correction
    /// marked (<see cref="Bead.Review"/>) and, for corrections, its target replaced; the document itself
    /// when nothing applies.
    /// </summary>
    Task<BilingualDocument> ApplyAsync(BilingualDocument document, CancellationToken cancellationToken);
}
