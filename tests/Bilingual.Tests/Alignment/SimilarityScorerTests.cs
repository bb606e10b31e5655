using Bilingual.Core.Alignment;

namespace Bilingual.Tests.Alignment;

public sealed class SimilarityScorerTests
{
    [Fact]
    public void Cost_WithALimit_IsTheFullCostOrAboveTheLimit()
    {
        var source = SentenceBackgroundTests.Sentences(80, seed: 11);
        // The target repeats the source with every fourth sentence replaced, so beads range from good to hopeless.
        var target = source.Select((s, k) => k % 4 == 3 ? SentenceBackgroundTests.Sentences(1, seed: 100 + k)[0] : s).ToList();
        var (sourceVectors, targetVectors) = SentenceVectors.Build([.. source.Select(s => SentenceFeatures.Count(s))], [.. target.Select(t => SentenceFeatures.Count(t))], 4);
        var sourceBackground = SentenceBackground.Build(sourceVectors, targetVectors, 4);
        var targetBackground = SentenceBackground.Build(targetVectors, sourceVectors, 4);
        var calibration = SimilarityCalibration.Estimate(sourceVectors, targetVectors, sourceBackground, targetBackground);
        var scorer = new SimilarityScorer(sourceVectors, targetVectors, calibration, AlignmentBand.Full(80, 80), 0, 0, 4, sourceBackground, targetBackground);

        var stopped = 0;
        foreach (var shape in BeadShape.UpTo(4))
        {
            for (var i = 0; i + shape.Source <= 70; i += 3)
            {
                for (var j = Math.Max(0, i - 6); j + shape.Target <= Math.Min(80, i + 10); j++)
                {
                    var full = scorer.Cost(i, shape.Source, j, shape.Target);
                    foreach (var limit in new[] { -20.0, -5.0, 0.0, 5.0, 20.0 })
                    {
                        var limited = scorer.Cost(i, shape.Source, j, shape.Target, limit);
                        if (limited != full)
                        {
                            Assert.True(limited > limit && full > limit, $"bead {shape} at ({i}, {j}), limit {limit}: {limited} against the full {full}");
                            stopped++;
                        }
                    }
                }
            }
        }

        Assert.True(stopped > 0, "the scorer never stopped early");
    }
}
