using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
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

    /// <summary>Aligns texts already in memory, in the article format (an HTTP request's); <paramref name="bridge"/> is optional.</summary>
    /// <exception cref="ArticleFormatException">A text holds no paragraph.</exception>
    /// <exception cref="JobInputException">The bridge does not fit the source.</exception>
    AlignedPair AlignTexts(string source, string target, string? bridge, AlignmentSettings settings);

    /// <summary>The document the TMX and review page writers render for <paramref name="aligned"/>, its beads checked.</summary>
    BilingualDocument ToDocument(AlignedPair aligned, string name, AlignmentSettings settings);

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
