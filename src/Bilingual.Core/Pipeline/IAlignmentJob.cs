using Bilingual.Core.Alignment;
using Bilingual.Core.Reading;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// The align job: reads a source and its existing translation (articles through the article reader, or
/// presegmented files), aligns them sentence by sentence, and writes beads, a TMX or a review page. The
/// command line, the benchmarks and the service hosts all call it.
/// </summary>
internal interface IAlignmentJob
{
    /// <summary>Reads and aligns one pair.</summary>
    /// <exception cref="ArticleFormatException">A file is not readable; the message names it.</exception>
    /// <exception cref="JobInputException">The bridge does not fit the source.</exception>
    Task<AlignedPair> AlignAsync(AlignmentPair pair, AlignmentSettings settings, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="aligned"/> in the settings' format to <paramref name="path"/>, or to <paramref name="standardOutput"/> when given (beads only).</summary>
    Task WriteAsync(AlignedPair aligned, AlignmentSettings settings, string? path, TextWriter? standardOutput, CancellationToken cancellationToken);

    /// <summary>Scores <paramref name="aligned"/> against the gold alignment in <paramref name="goldPath"/>.</summary>
    /// <exception cref="JobInputException">The gold file is missing or malformed.</exception>
    AlignmentScore Score(AlignedPair aligned, string goldPath);

    /// <summary>
    /// Aligns every pair of a list file (one a line: <c>SOURCE TAB TARGET TAB BRIDGE-or-empty TAB OUTPUT [TAB GOLD]</c>,
    /// paths relative to the list's folder, <c>#</c> comments), writing each output as it goes.
    /// </summary>
    /// <exception cref="JobInputException">The list is missing or a line is malformed; the message names the line.</exception>
    IAsyncEnumerable<AlignedPairResult> AlignListAsync(string listPath, AlignmentSettings settings, CancellationToken cancellationToken);
}
