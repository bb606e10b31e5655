using System.Globalization;
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

        // Checked before a byte is read: the whole file is held while it is parsed, so its size bounds the memory.
        var limits = options.Value;
        var length = new FileInfo(path).Length;
        if (length > limits.MaxImportBytes)
        {
            throw new JobInputException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: is {length:N0} bytes, more than the limit of {limits.MaxImportBytes:N0} (Review:MaxImportBytes); a review page's export is far smaller, so this is not one"));
        }

        IReadOnlyList<ReviewCorrection> corrections;
        try
        {
            corrections = await ReviewChangesReader.ReadAsync(path, reviewer, limits.MaxSegmentCharacters, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new JobInputException($"{path}: {e.Message}", e);
        }

        var stored = await store.SaveAsync([.. corrections], cancellationToken);
        return new ReviewImportResult(corrections, stored, options.Value.DatabasePath!);
    }
}
