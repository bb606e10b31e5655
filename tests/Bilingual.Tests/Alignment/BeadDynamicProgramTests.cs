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
    public void Align_ScorerStoppingEarlyAboveTheLimit_GivesTheSamePathPosteriorsAndCounts()
    {
        var shapes = BeadShape.UpTo(4);
        var engine = new BeadDynamicProgram(shapes);
        var band = AlignmentBand.AroundDiagonal(60, 70, 8);
        var exact = new NoisyScorer(stopEarly: false);
        var early = new NoisyScorer(stopEarly: true);
        var exactCounts = new double[shapes.Count];
        var earlyCounts = new double[shapes.Count];

        var exactBeads = engine.Align(band, exact, shapeCounts: exactCounts);
        var earlyBeads = engine.Align(band, early, shapeCounts: earlyCounts);

        Assert.True(early.Stopped > early.Calls / 4, $"stopped early on {early.Stopped} of {early.Calls} beads");
        Assert.Equal(exactBeads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)), earlyBeads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)));
        Assert.All(exactBeads.Zip(earlyBeads), pair => Assert.Equal(pair.First.Posterior, pair.Second.Posterior, 9));
        Assert.All(exactCounts.Zip(earlyCounts), pair => Assert.Equal(pair.First, pair.Second, 9));
    }

    [Fact]
    public void Align_TwoSearches_CountEveryCellOfTheBandsAndEveryBeadScored()
    {
        var engine = new BeadDynamicProgram(BeadShape.UpTo(4));
        var band = AlignmentBand.AroundDiagonal(60, 70, 8);
        var scorer = new NoisyScorer(stopEarly: true);

        engine.Align(AlignmentBand.Full(3, 2), scorer);
        engine.Align(band, scorer, posteriors: false);

        Assert.Equal((4 * 3) + band.Area, engine.CellsSearched);
        Assert.Equal(scorer.Calls, engine.BeadsScored);
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

    /// <summary>
    /// Costs that favour 1-1 beads near the diagonal, with deterministic noise; when stopping early, a bead dearer
    /// than the limit costs the limit plus a large arbitrary amount instead, as the interface allows.
    /// </summary>
    private sealed class NoisyScorer(bool stopEarly) : IBeadScorer
    {
        public int Calls { get; private set; }

        public int Stopped { get; private set; }

        public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount)
        {
            var noise = (((sourceStart * 7919) + (targetStart * 104729) + (sourceCount * 31) + targetCount) % 1000) / 250.0;
            var offDiagonal = Math.Abs((targetStart * 60.0 / 70) - sourceStart);
            return noise + (6 * offDiagonal) + (sourceCount == 1 && targetCount == 1 ? 0 : 8.0 * (sourceCount + targetCount));
        }

        public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount, double limit)
        {
            Calls++;
            var cost = Cost(sourceStart, sourceCount, targetStart, targetCount);
            if (!stopEarly || cost <= limit)
            {
                return cost;
            }

            Stopped++;
            return limit + 1000;
        }
    }

    private sealed class ShapeCost(Func<BeadShape, double> cost) : IBeadScorer
    {
        public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount) => cost(new BeadShape(sourceCount, targetCount));
    }
}
