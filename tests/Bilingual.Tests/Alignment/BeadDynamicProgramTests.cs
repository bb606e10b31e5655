using Bilingual.Core.Alignment;

namespace Bilingual.Tests.Alignment;

public sealed class BeadDynamicProgramTests
{
    [Fact]
    public void Align_ShapeCounts_AreTheExpectedBeadsOfEachShape()
    {
        var shapes = BeadShape.UpTo(2);
        var engine = new BeadDynamicProgram(shapes);
        var counts = new double[shapes.Count];

        // 1-1 beads cost nothing, everything else 30 nats: all the probability is on the diagonal.
        var beads = engine.Align(AlignmentBand.Full(6, 6), new ShapeCost(s => s == new BeadShape(1, 1) ? 0 : 30), shapeCounts: counts);

        Assert.Equal(6, beads.Count);
        Assert.Equal(6.0, counts[shapes.ToList().IndexOf(new BeadShape(1, 1))], 6);
        Assert.Equal(6.0, counts.Sum(), 6);
    }

    [Fact]
    public void Align_TwoEquallyGoodAlignments_SplitTheExpectedCounts()
    {
        var shapes = BeadShape.UpTo(2);
        var engine = new BeadDynamicProgram(shapes);
        var counts = new double[shapes.Count];

        // Aligning 2 with 1: a 2-1 bead or a 1-1 and a 1-0 bead (in either order), all three paths cost 2.
        engine.Align(AlignmentBand.Full(2, 1), new ShapeCost(s => s switch
        {
            (2, 1) => 2,
            (1, 1) or (1, 0) => 1,
            _ => 30,
        }), shapeCounts: counts);

        Assert.Equal(1.0 / 3, counts[shapes.ToList().IndexOf(new BeadShape(2, 1))], 3);
        Assert.Equal(2.0 / 3, counts[shapes.ToList().IndexOf(new BeadShape(1, 1))], 3);
    }

    [Fact]
    public void Align_ScorerFavouringTwoToOne_FollowsTheCheapestPathAndPosteriorsAreProbabilities()
    {
        var engine = new BeadDynamicProgram(BeadShape.UpTo(2));
        var scorer = new DelegateScorer((i, a, j, b) => (i, a, j, b) == (0, 2, 0, 1) ? 0.1 : a == 1 && b == 1 ? 1.0 : 5.0);

        var beads = engine.Align(AlignmentBand.Full(3, 2), scorer);

        Assert.Equal([(0, 2, 0, 1), (2, 1, 1, 1)], beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)));
        Assert.All(beads, b => Assert.InRange(b.Posterior, 0.0, 1.0));
        Assert.True(beads[0].Posterior > 0.5);
    }

    [Fact]
    public void AroundDiagonal_NarrowBand_KeepsEveryRowReachable()
    {
        var band = AlignmentBand.AroundDiagonal(10, 30, 1);

        for (var i = 1; i <= 10; i++)
        {
            Assert.True(band.Low[i] <= band.High[i - 1], $"row {i} does not overlap row {i - 1}");
            Assert.True(band.Low[i] >= band.Low[i - 1] && band.High[i] >= band.High[i - 1]);
        }

        Assert.Equal(0, band.Low[0]);
        Assert.Equal(30, band.High[10]);
        Assert.True(band.Area < 11 * 31);
    }

    private sealed class DelegateScorer(Func<int, int, int, int, double> cost) : IBeadScorer
    {
        public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount) => cost(sourceStart, sourceCount, targetStart, targetCount);
    }

    private sealed class ShapeCost(Func<BeadShape, double> cost) : IBeadScorer
    {
        public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount) => cost(new BeadShape(sourceCount, targetCount));
    }
}
