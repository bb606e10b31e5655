namespace Bilingual.Core.Pipeline;

/// <summary>
/// The review import job: takes what a reviewer exported from the review page (the changes JSON or the
/// corrected TMX) into the translation memory, so the next run carries the corrections.
/// </summary>
internal interface IReviewImportJob
{
    /// <summary>Reads <paramref name="path"/> and stores its corrections; <paramref name="reviewer"/> is recorded where the file names none.</summary>
    /// <exception cref="JobInputException">The file is missing, a folder, or neither format; the message names it and says why.</exception>
    Task<ReviewImportResult> ImportAsync(string path, string? reviewer, CancellationToken cancellationToken);
}
