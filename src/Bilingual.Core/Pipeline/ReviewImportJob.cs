using Bilingual.Core.Review;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Pipeline;

/// <summary>What a review import stored.</summary>
/// <param name="Corrections">The reviewed segments the file held.</param>
/// <param name="Stored">How many of them were stored (new or changed).</param>
/// <param name="DatabasePath">The translation memory file they were stored in.</param>
public sealed record ReviewImportResult(IReadOnlyList<ReviewCorrection> Corrections, int Stored, string DatabasePath);

/// <inheritdoc cref="IReviewImportJob" />
internal sealed class ReviewImportJob(IReviewStore store, IOptions<ReviewOptions> options) : IReviewImportJob
{
    /// <inheritdoc />
    public async Task<ReviewImportResult> ImportAsync(string path, string? reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new JobInputException(Directory.Exists(path)
                ? $"{path}: is a folder; give the file the review page exported (<name>.review.json or <name>.reviewed.tmx)"
                : $"{path}: no such file");
        }

        IReadOnlyList<ReviewCorrection> corrections;
        try
        {
            corrections = await ReviewChangesReader.ReadAsync(path, reviewer, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new JobInputException($"{path}: {e.Message}", e);
        }

        var stored = await store.SaveAsync([.. corrections], cancellationToken);
        return new ReviewImportResult(corrections, stored, options.Value.DatabasePath!);
    }
}
