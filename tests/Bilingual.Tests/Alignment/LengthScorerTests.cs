using Bilingual.Core.Alignment;

namespace Bilingual.Tests.Alignment;

public sealed class LengthScorerTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.3173105)]
    [InlineData(1.959964, 0.05)]
    [InlineData(3.0, 0.0026998)]
    public void LogTwoSidedTail_AgreesWithTheNormalTable(double x, double tail)
    {
        Assert.Equal(Math.Log(tail), LengthScorer.LogTwoSidedTail(x), 5);
    }

    [Fact]
    public void LogTwoSidedTail_FarInTheTail_FollowsMillsRatioWithoutUnderflow()
    {
        // 2·(1 − Φ(40)) ≈ 2·φ(40)/40·(1 − 1/40²) is about 1e-349, below the smallest double; its logarithm is not.
        var x = 40.0;
        var expected = Math.Log(2) - (x * x / 2) - Math.Log(x * Math.Sqrt(2 * Math.PI)) + Math.Log(1 - (1 / (x * x)));

        Assert.Equal(expected, LengthScorer.LogTwoSidedTail(x), 4);
    }

    [Fact]
    public void LengthCost_GrowsWithTheMismatchAndIsZeroForAPerfectMatch()
    {
        Assert.Equal(0.0, LengthScorer.LengthCost(100, 100), 6);
        Assert.True(LengthScorer.LengthCost(100, 120) < LengthScorer.LengthCost(100, 160));
        Assert.True(LengthScorer.LengthCost(100, 160) < LengthScorer.LengthCost(100, 400));
    }
}
