namespace Bilingual.Core.Alignment;

/// <summary>How much searching an alignment took, over every pass (coarse and fine): the figures that show why a document is slow.</summary>
/// <param name="Cells">Lattice points visited.</param>
/// <param name="Beads">Candidate beads the scorers were asked to cost.</param>
internal readonly record struct SearchCounts(long Cells, long Beads)
{
    /// <summary>The counts of two searches together.</summary>
    public static SearchCounts operator +(SearchCounts a, SearchCounts b) => new(a.Cells + b.Cells, a.Beads + b.Beads);

    /// <summary>What <paramref name="engine"/> has searched so far.</summary>
    public static SearchCounts Of(BeadDynamicProgram engine) => new(engine.CellsSearched, engine.BeadsScored);
}
