using Bilingual.Core.Alignment;

namespace Bilingual.Tests.Alignment;

public sealed class BeadPriorsTests
{
    private static readonly IReadOnlyList<BeadShape> Shapes = BeadShape.UpTo(4);

    [Fact]
    public void GaleChurch_OneToOne_IsTheCheapestShape()
    {
        var priors = BeadPriors.GaleChurch(4);

        Assert.Equal(-Math.Log(0.89), priors.Cost(1, 1), 6);
        Assert.All(Shapes.Where(s => s != new BeadShape(1, 1)), s => Assert.True(priors.Cost(s.Source, s.Target) > priors.Cost(1, 1)));
    }

    [Fact]
    public void Reestimate_ManyOneToTwoBeads_MakesOneToTwoCheaperThanGaleChurch()
    {
        var counts = Counts((new BeadShape(1, 1), 600), (new BeadShape(1, 2), 400));

        var priors = BeadPriors.Reestimate(Shapes, counts, 4);

        Assert.True(priors.Cost(1, 2) < BeadPriors.GaleChurch(4).Cost(1, 2) - 1, $"1-2 costs {priors.Cost(1, 2)}");
        Assert.InRange(Math.Exp(-priors.Cost(1, 2)), 0.3, 0.4);
    }

    [Fact]
    public void CountSkipRuns_LoneSkips_CountNothingAndRunsCountEveryMember()
    {
        var counts = Counts((new BeadShape(1, 1), 5.5), (new BeadShape(0, 1), 2.7), (new BeadShape(1, 0), 0.4));
        // 1-1, a lone 0-1, 1-1, a run of three 0-1, a lone 1-0, 1-2, a run of two 1-0.
        IReadOnlyList<ScoredBead> path =
        [
            Bead(0, 1, 0, 1), Bead(1, 0, 1, 1), Bead(1, 1, 2, 1), Bead(2, 0, 3, 1), Bead(2, 0, 4, 1), Bead(2, 0, 5, 1),
            Bead(2, 1, 6, 0), Bead(3, 1, 6, 2), Bead(4, 1, 8, 0), Bead(5, 1, 8, 0),
        ];

        BeadPriors.CountSkipRuns(Shapes, [path], counts);

        Assert.Equal(3.0, counts[Shapes.ToList().IndexOf(new BeadShape(0, 1))]);
        Assert.Equal(2.0, counts[Shapes.ToList().IndexOf(new BeadShape(1, 0))]);
        Assert.Equal(5.5, counts[Shapes.ToList().IndexOf(new BeadShape(1, 1))]);
    }

    [Fact]
    public void CountSkipRuns_NoRuns_LeavesTheSkipPriorsAtGaleChurch()
    {
        var counts = Counts((new BeadShape(1, 1), 200), (new BeadShape(0, 1), 6));
        IReadOnlyList<ScoredBead> path = [Bead(0, 1, 0, 1), Bead(1, 0, 1, 1), Bead(1, 1, 2, 1)];

        BeadPriors.CountSkipRuns(Shapes, [path], counts);
        var priors = BeadPriors.Reestimate(Shapes, counts, 4);

        Assert.True(priors.Cost(0, 1) > BeadPriors.GaleChurch(4).Cost(0, 1), $"0-1 costs {priors.Cost(0, 1)}");
    }

    [Fact]
    public void Reestimate_AShortText_StaysNearGaleChurch()
    {
        var counts = Counts((new BeadShape(1, 2), 3));

        var priors = BeadPriors.Reestimate(Shapes, counts, 4);

        Assert.True(priors.Cost(1, 1) < priors.Cost(1, 2), "three 1-2 beads do not outweigh the prior");
    }

    [Fact]
    public void Reestimate_ProbabilitiesOfAllShapes_SumToOne()
    {
        var counts = Counts((new BeadShape(1, 1), 50), (new BeadShape(0, 1), 5), (new BeadShape(2, 2), 7));

        var priors = BeadPriors.Reestimate(Shapes, counts, 4);

        Assert.Equal(1.0, Shapes.Sum(s => Math.Exp(-priors.Cost(s.Source, s.Target))), 6);
    }

    private static double[] Counts(params (BeadShape Shape, double Count)[] counts)
    {
        var result = new double[Shapes.Count];
        foreach (var (shape, count) in counts)
        {
            result[Shapes.ToList().IndexOf(shape)] = count;
        }

        return result;
    }

    private static ScoredBead Bead(int sourceStart, int sourceCount, int targetStart, int targetCount) =>
        new(sourceStart, sourceCount, targetStart, targetCount, 0, 1);
}
