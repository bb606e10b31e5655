namespace Bilingual.Core.Alignment;

/// <summary>
/// The cost of one candidate bead in the alignment lattice, in nats (a negative log probability, up to a
/// constant): lower is better. Scorers are summed, so each one adds the evidence it knows about.
/// </summary>
internal interface IBeadScorer
{
    /// <summary>The cost of aligning source sentences [<paramref name="sourceStart"/>, +<paramref name="sourceCount"/>) with target sentences [<paramref name="targetStart"/>, +<paramref name="targetCount"/>).</summary>
    double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount);

    /// <summary>
    /// The cost of the bead as <see cref="Cost(int, int, int, int)"/> gives it, except that once it is sure the cost
    /// exceeds <paramref name="limit"/> a scorer may stop and return any value above the limit: the engine asks
    /// with the limit beyond which a bead can neither be on the best path nor weigh in the sum over paths.
    /// </summary>
    double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount, double limit) =>
        Cost(sourceStart, sourceCount, targetStart, targetCount);
}

/// <summary>The shape of a bead: how many source and how many target sentences it holds.</summary>
/// <param name="Source">Source sentences in the bead.</param>
/// <param name="Target">Target sentences in the bead.</param>
internal readonly record struct BeadShape(int Source, int Target)
{
    /// <summary>Every shape with at most <paramref name="maxSide"/> sentences a side and at most <paramref name="maxSide"/> + 1 in all (1-4, 2-3, 2-2 … for 4), plus 1-0 and 0-1.</summary>
    public static IReadOnlyList<BeadShape> UpTo(int maxSide)
    {
        var shapes = new List<BeadShape> { new(1, 0), new(0, 1) };
        for (var a = 1; a <= maxSide; a++)
        {
            for (var b = 1; b <= maxSide; b++)
            {
                if (a + b <= maxSide + 1 || (a == 2 && b == 2))
                {
                    shapes.Add(new BeadShape(a, b));
                }
            }
        }

        return shapes;
    }
}

/// <summary>A bead found by the dynamic programme: its shape and position, its cost and the posterior probability of the bead.</summary>
internal readonly record struct ScoredBead(int SourceStart, int SourceCount, int TargetStart, int TargetCount, double Cost, double Posterior);

/// <summary>
/// Adds up several scorers, in the order given. Only the last is passed the limit on the bead's cost (less what
/// the others cost), so the one whose work can stop early goes last.
/// </summary>
internal sealed class SumScorer(IReadOnlyList<IBeadScorer> parts) : IBeadScorer
{
    // An array, not the list given: the engine asks for hundreds of thousands of costs, and enumerating an
    // interface-typed list allocates an enumerator each time.
    private readonly IBeadScorer[] _parts = [.. parts];

    public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount) =>
        Cost(sourceStart, sourceCount, targetStart, targetCount, double.PositiveInfinity);

    public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount, double limit)
    {
        var sum = 0.0;
        for (var k = 0; k < _parts.Length - 1; k++)
        {
            sum += _parts[k].Cost(sourceStart, sourceCount, targetStart, targetCount);
        }

        return _parts.Length == 0 ? sum : sum + _parts[^1].Cost(sourceStart, sourceCount, targetStart, targetCount, limit - sum);
    }
}
