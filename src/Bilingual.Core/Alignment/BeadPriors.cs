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

    private readonly double[,] _costs;

    private BeadPriors(double[,] costs) => _costs = costs;

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
            priors._costs[shapes[k].Source, shapes[k].Target] = -Math.Log((expectedCounts[k] + (PriorWeight * prior)) / (total + PriorWeight));
        }

        return priors;
    }

    /// <summary>
    /// Replaces the expected counts of the skip shapes (1-0 and 0-1) in <paramref name="counts"/> (one per shape of
    /// <paramref name="shapes"/>) with the number of skips the first pass's <paramref name="paths"/> make in runs
    /// of at least two. Sentences left out of a translation, or added to it, come in runs: a block of captions, a
    /// dropped paragraph. A lone skip in a first pass is as often a loosely translated sentence the aligner could
    /// not place, and counting it (or the fractional skips that the forward–backward pass spreads over every such
    /// sentence) would teach the second pass to leave out more of them. Without runs the skip priors stay
    /// Gale &amp; Church's.
    /// </summary>
    public static void CountSkipRuns(IReadOnlyList<BeadShape> shapes, IEnumerable<IReadOnlyList<ScoredBead>> paths, Span<double> counts)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        ArgumentNullException.ThrowIfNull(paths);
        for (var k = 0; k < shapes.Count; k++)
        {
            if (IsSkip(shapes[k].Source, shapes[k].Target))
            {
                counts[k] = 0;
            }
        }

        foreach (var path in paths)
        {
            for (var start = 0; start < path.Count;)
            {
                var shape = new BeadShape(path[start].SourceCount, path[start].TargetCount);
                var end = start + 1;
                while (end < path.Count && new BeadShape(path[end].SourceCount, path[end].TargetCount) == shape)
                {
                    end++;
                }

                var k = IndexOf(shapes, shape);
                if (IsSkip(shape.Source, shape.Target) && end - start >= 2 && k >= 0)
                {
                    counts[k] += end - start;
                }

                start = end;
            }
        }
    }

    private static bool IsSkip(int sourceCount, int targetCount) => (sourceCount == 0) != (targetCount == 0);

    private static int IndexOf(IReadOnlyList<BeadShape> shapes, BeadShape shape)
    {
        for (var k = 0; k < shapes.Count; k++)
        {
            if (shapes[k] == shape)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>−log p of a bead of <paramref name="sourceCount"/> and <paramref name="targetCount"/> sentences.</summary>
    public double Cost(int sourceCount, int targetCount) =>
        sourceCount < _costs.GetLength(0) && targetCount < _costs.GetLength(1)
            ? _costs[sourceCount, targetCount]
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
