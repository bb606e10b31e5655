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
}
