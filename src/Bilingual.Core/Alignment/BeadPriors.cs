namespace Bilingual.Core.Alignment;

/// <summary>
/// The prior probability of each bead shape, as costs in nats (−log p). They start from Gale &amp; Church's
/// counts on the Canadian Hansard and are re-estimated on the document itself from a first alignment (one EM
/// step): how often sentences are split, merged or left out depends on the language pair and on the translator
/// (a Chinese sentence often becomes two English ones; a careful translator of a Swiss yearbook merges more
/// than a parliament's clerks did), not on Hansard.
/// </summary>
internal sealed class BeadPriors
{
    /// <summary>
    /// How many beads Gale &amp; Church's figures are worth against the document's own counts: an article of a
    /// few dozen beads keeps nearly their figures, a book speaks for itself.
    /// </summary>
    public const double PriorWeight = 100;

    private readonly double[,] costs;

    private BeadPriors(double[,] costs) => this.costs = costs;

    /// <summary>Gale &amp; Church's priors for beads of up to <paramref name="maxSide"/> sentences a side.</summary>
    public static BeadPriors GaleChurch(int maxSide)
    {
        var costs = new double[maxSide + 1, maxSide + 1];
        for (var a = 0; a <= maxSide; a++)
        {
            for (var b = 0; b <= maxSide; b++)
            {
                costs[a, b] = -Math.Log(GaleChurchProbability(a, b));
            }
        }

        return new BeadPriors(costs);
    }

    /// <summary>
    /// The posterior mean of the shape probabilities given <paramref name="expectedCounts"/> (the expected
    /// number of beads of each of <paramref name="shapes"/> in the document, from a first alignment's
    /// forward–backward pass), under a Dirichlet prior of Gale &amp; Church's probabilities worth
    /// <see cref="PriorWeight"/> beads. Shapes not in <paramref name="shapes"/> keep Gale &amp; Church's cost.
    /// </summary>
    public static BeadPriors Reestimate(IReadOnlyList<BeadShape> shapes, ReadOnlySpan<double> expectedCounts, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        var priors = GaleChurch(maxSide);
        var mass = shapes.Sum(s => GaleChurchProbability(s.Source, s.Target));
        var total = 0.0;
        foreach (var count in expectedCounts)
        {
            total += count;
        }

        for (var k = 0; k < shapes.Count; k++)
        {
            var prior = GaleChurchProbability(shapes[k].Source, shapes[k].Target) / mass;
            priors.costs[shapes[k].Source, shapes[k].Target] = -Math.Log((expectedCounts[k] + (PriorWeight * prior)) / (total + PriorWeight));
        }

        return priors;
    }

    /// <summary>−log p of a bead of <paramref name="sourceCount"/> and <paramref name="targetCount"/> sentences.</summary>
    public double Cost(int sourceCount, int targetCount) =>
        sourceCount < costs.GetLength(0) && targetCount < costs.GetLength(1)
            ? costs[sourceCount, targetCount]
            : -Math.Log(GaleChurchProbability(sourceCount, targetCount));

    /// <summary>
    /// Gale &amp; Church 1993, table 5: 1-1 0.89, 1-0 and 0-1 0.0099 together, 2-1 and 1-2 0.089 together, 2-2
    /// 0.011; shapes they did not count share a small remainder that halves with every extra sentence.
    /// </summary>
    public static double GaleChurchProbability(int sourceCount, int targetCount) => (sourceCount, targetCount) switch
    {
        (0, 0) => 1e-12,
        (1, 1) => 0.89,
        (1, 0) or (0, 1) => 0.0099 / 2,
        (2, 1) or (1, 2) => 0.089 / 2,
        (2, 2) => 0.011,
        _ => 0.005 * Math.Pow(0.5, sourceCount + targetCount - 4),
    };
}
