namespace Bilingual.Core.Review;

/// <summary>The persistent part of the translation memory that holds reviewers' corrections.</summary>
public interface IReviewStore
{
    /// <summary>
    /// The stored corrections for <paramref name="sourceTexts"/> in the language pair, keyed by
    /// <see cref="ReviewStatus.KeyOf"/> of the source text; texts without a correction are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, ReviewCorrection>> FindAsync(
        string sourceLanguage,
        string targetLanguage,
        IReadOnlyCollection<string> sourceTexts,
        CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="corrections"/>; for a source text already stored, the later decision
    /// (by <see cref="ReviewCorrection.ChangedAt"/>) wins. Returns how many rows were written.
    /// </summary>
    Task<int> SaveAsync(IReadOnlyCollection<ReviewCorrection> corrections, CancellationToken cancellationToken);
}
