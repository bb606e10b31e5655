using Bilingual.Core.Documents;

namespace Bilingual.Core.Review;

/// <summary>Checks an aligned pair (a bead's source and target text) the way translation QA tools do.</summary>
public interface IQualityChecker
{
    /// <summary>
    /// Checks <paramref name="source"/> against <paramref name="target"/> (either may be empty) and returns
    /// what it found, in a stable order; empty when the pair looks right.
    /// </summary>
    IReadOnlyList<QualityFlag> Check(string source, string target);
}
