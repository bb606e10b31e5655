namespace Bilingual.Core.Alignment;

/// <summary>
/// The generic alignment engine: a dynamic programme over the lattice of sentence boundaries (Gale &amp; Church
/// 1993), where every step is a bead of one of the allowed shapes and its cost comes from a swappable
/// <see cref="IBeadScorer"/>. It keeps the cheapest path (Viterbi) and, to say how sure it is of each bead,
/// the forward and backward sums over all paths: a bead's posterior is the share of the probability mass
/// of every alignment in the band that goes through it.
/// </summary>
internal sealed class BeadDynamicProgram(IReadOnlyList<BeadShape> shapes)
{
    /// <summary>A cost this much above another (in nats) weighs less than a double's precision next to it: e⁻³⁷ &lt; 2⁻⁵³.</summary>
    private const double NegligibleCost = 37;

    private readonly BeadShape[] _shapes = [.. shapes];

    /// <summary>Lattice points visited by every <see cref="Align"/> call so far: the work of the search, which the benchmark prints per document.</summary>
    public long CellsSearched { get; private set; }

    /// <summary>Beads the scorer was asked to cost by every <see cref="Align"/> call so far.</summary>
    public long BeadsScored { get; private set; }

    /// <summary>
    /// Aligns source sentences [<paramref name="sourceStart"/>, +band.SourceCount) with target sentences
    /// [<paramref name="targetStart"/>, +band.TargetCount) inside <paramref name="band"/>; the scorer sees global
    /// indices and so do the beads returned. With <paramref name="posteriors"/>, <paramref name="shapeCounts"/>
    /// (one per shape, in the order given at construction), when given, is added the expected number of beads
    /// of each shape over all the alignments in the band.
    /// </summary>
    public IReadOnlyList<ScoredBead> Align(AlignmentBand band, IBeadScorer scorer, int sourceStart = 0, int targetStart = 0, bool posteriors = true, double[]? shapeCounts = null)
    {
        var n = band.SourceCount;
        var m = band.TargetCount;
        if (n == 0 && m == 0)
        {
            return [];
        }

        var offset = new long[n + 2];
        for (var i = 0; i <= n; i++)
        {
            offset[i + 1] = offset[i] + band.High[i] - band.Low[i] + 1;
        }

        var cells = offset[n + 1];
        CellsSearched += cells;
        var scored = 0L;
        var best = new double[cells];
        var forward = posteriors ? new double[cells] : [];
        // The backward pass needs every bead's cost again; keeping them (as floats) halves the scoring work.
        var costs = posteriors ? new float[cells * _shapes.Length] : [];
        if (posteriors)
        {
            Array.Fill(costs, float.PositiveInfinity);
        }

        var back = new sbyte[cells];
        Span<double> candidates = stackalloc double[_shapes.Length];

        for (var i = 0; i <= n; i++)
        {
            for (var j = band.Low[i]; j <= band.High[i]; j++)
            {
                var cell = offset[i] + j - band.Low[i];
                if (i == 0 && j == 0)
                {
                    best[cell] = 0;
                    back[cell] = -1;
                    continue;
                }

                var bestCost = double.PositiveInfinity;
                var leastForward = double.PositiveInfinity;
                sbyte bestShape = -1;
                var count = 0;
                for (var s = 0; s < _shapes.Length; s++)
                {
                    var (a, b) = (_shapes[s].Source, _shapes[s].Target);
                    var pi = i - a;
                    var pj = j - b;
                    if (pi < 0 || pj < band.Low[pi] || pj > band.High[pi])
                    {
                        continue;
                    }

                    var previous = offset[pi] + pj - band.Low[pi];
                    if (double.IsPositiveInfinity(best[previous]))
                    {
                        continue;
                    }

                    // Beyond this limit a bead neither beats the best path to the cell nor adds anything a double
                    // can hold to the forward sum; the scorer may stop working on it there.
                    var limit = bestCost - best[previous];
                    if (posteriors)
                    {
                        limit = Math.Max(limit, leastForward + NegligibleCost - forward[previous]);
                    }

                    scored++;
                    var cost = scorer.Cost(sourceStart + pi, a, targetStart + pj, b, limit);
                    if (cost > limit)
                    {
                        continue;
                    }

                    var total = best[previous] + cost;
                    if (total < bestCost)
                    {
                        bestCost = total;
                        bestShape = (sbyte)s;
                    }

                    if (posteriors)
                    {
                        leastForward = Math.Min(leastForward, forward[previous] + cost);
                        candidates[count++] = forward[previous] + cost;
                        costs[(cell * _shapes.Length) + s] = (float)cost;
                    }
                }

                best[cell] = bestCost;
                back[cell] = bestShape;
                if (posteriors)
                {
                    forward[cell] = SoftMin(candidates[..count]);
                }
            }
        }

        BeadsScored += scored;
        var path = new List<ScoredBead>();
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            var cell = offset[i] + j - band.Low[i];
            var shape = _shapes[back[cell]];
            var pi = i - shape.Source;
            var pj = j - shape.Target;
            var cost = best[cell] - best[offset[pi] + pj - band.Low[pi]];
            path.Add(new ScoredBead(sourceStart + pi, shape.Source, targetStart + pj, shape.Target, cost, 1.0));
            (i, j) = (pi, pj);
        }

        path.Reverse();
        if (posteriors)
        {
            var backward = AddPosteriors(band, sourceStart, targetStart, offset, forward, costs, path);
            if (shapeCounts is not null)
            {
                AddExpectedCounts(band, offset, forward, backward, costs, shapeCounts);
            }
        }

        return path;
    }

    /// <summary>Adds to <paramref name="counts"/> the posterior probability of every bead in the band, by shape.</summary>
    private void AddExpectedCounts(AlignmentBand band, long[] offset, double[] forward, double[] backward, float[] costs, double[] counts)
    {
        var n = band.SourceCount;
        var total = forward[offset[n] + band.TargetCount - band.Low[n]];
        for (var i = 0; i <= n; i++)
        {
            for (var j = band.Low[i]; j <= band.High[i]; j++)
            {
                var cell = offset[i] + j - band.Low[i];
                for (var s = 0; s < _shapes.Length; s++)
                {
                    var cost = costs[(cell * _shapes.Length) + s];
                    if (float.IsPositiveInfinity(cost))
                    {
                        continue;
                    }

                    var pi = i - _shapes[s].Source;
                    var pj = j - _shapes[s].Target;
                    var surprise = forward[offset[pi] + pj - band.Low[pi]] + cost + backward[cell] - total;
                    if (surprise < NegligibleCost)
                    {
                        counts[s] += Math.Min(Math.Exp(-surprise), 1.0);
                    }
                }
            }
        }
    }

    private double[] AddPosteriors(AlignmentBand band, int sourceStart, int targetStart, long[] offset, double[] forward, float[] costs, List<ScoredBead> path)
    {
        var n = band.SourceCount;
        var m = band.TargetCount;
        var backward = new double[forward.Length];
        Span<double> candidates = stackalloc double[_shapes.Length];
        for (var i = n; i >= 0; i--)
        {
            for (var j = band.High[i]; j >= band.Low[i]; j--)
            {
                var cell = offset[i] + j - band.Low[i];
                if (i == n && j == m)
                {
                    backward[cell] = 0;
                    continue;
                }

                var count = 0;
                for (var s = 0; s < _shapes.Length; s++)
                {
                    var ni = i + _shapes[s].Source;
                    var nj = j + _shapes[s].Target;
                    if (ni > n || nj < band.Low[ni] || nj > band.High[ni])
                    {
                        continue;
                    }

                    var next = offset[ni] + nj - band.Low[ni];
                    candidates[count++] = backward[next] + costs[(next * _shapes.Length) + s];
                }

                backward[cell] = SoftMin(candidates[..count]);
            }
        }

        var total = forward[offset[n] + m - band.Low[n]];
        for (var k = 0; k < path.Count; k++)
        {
            var bead = path[k];
            var i = bead.SourceStart - sourceStart;
            var j = bead.TargetStart - targetStart;
            var before = forward[offset[i] + j - band.Low[i]];
            var after = backward[offset[i + bead.SourceCount] + j + bead.TargetCount - band.Low[i + bead.SourceCount]];
            var posterior = Math.Exp(-(before + bead.Cost + after - total));
            path[k] = bead with { Posterior = Math.Clamp(posterior, 0.0, 1.0) };
        }

        return backward;
    }

    /// <summary>−log Σ exp(−x): the cost of all the paths together.</summary>
    private static double SoftMin(ReadOnlySpan<double> costs)
    {
        var min = double.PositiveInfinity;
        foreach (var cost in costs)
        {
            min = Math.Min(min, cost);
        }

        if (double.IsPositiveInfinity(min))
        {
            return min;
        }

        var sum = 0.0;
        foreach (var cost in costs)
        {
            // Paths dearer than the cheapest by more than NegligibleCost do not change the sum in a double.
            if (cost - min < NegligibleCost)
            {
                sum += Math.Exp(min - cost);
            }
        }

        return min - Math.Log(sum);
    }
}
