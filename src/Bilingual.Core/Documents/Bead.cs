namespace Bilingual.Core.Documents;

/// <summary>
/// An aligned group of sentences: zero or more consecutive source sentences paired with zero or more
/// consecutive target sentences (1-1, 2-1, 1-0, 0-1 …).
/// </summary>
/// <param name="Source">0-based indices of the source sentences, ascending and consecutive; empty for 0-n.</param>
/// <param name="Target">0-based indices of the target sentences, ascending and consecutive; empty for n-0.</param>
/// <param name="Confidence">How sure the aligner is of this bead, in [0, 1].</param>
public sealed record Bead(IReadOnlyList<int> Source, IReadOnlyList<int> Target, double Confidence)
{
    /// <summary>A reviewer's decision on this bead, when there is one; null for an unreviewed bead.</summary>
    public ReviewMark? Review { get; init; }

    /// <summary>What the quality checks of the review step found on this bead; empty before the step and when nothing was found.</summary>
    public IReadOnlyList<QualityFlag> Flags { get; init; } = [];

    /// <summary>The bead type as the field writes it: <c>2-1</c> is two source sentences to one target sentence.</summary>
    public string Kind => $"{Source.Count}-{Target.Count}";

    /// <summary>The bead in Vecalign's format, <c>[0, 1]:[0]</c>.</summary>
    public override string ToString() =>
        $"[{string.Join(", ", Source)}]:[{string.Join(", ", Target)}]";
}

/// <summary>A reviewer's decision on a bead, carried into the review page and the TMX (<c>changeid</c>, <c>changedate</c>, <c>x-status</c>).</summary>
/// <param name="Status">One of <c>accepted</c>, <c>needs-review</c>, <c>corrected</c>.</param>
/// <param name="Reviewer">Who decided, or null when unknown (TMX <c>changeid</c>).</param>
/// <param name="ChangedAt">When the decision was made (UTC; TMX <c>changedate</c>).</param>
/// <param name="Comment">The reviewer's comment, or null.</param>
public sealed record ReviewMark(string Status, string? Reviewer, DateTimeOffset ChangedAt, string? Comment = null);
