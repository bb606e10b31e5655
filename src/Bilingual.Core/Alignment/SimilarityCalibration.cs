namespace Bilingual.Core.Alignment;

/// <summary>
/// How the cosine of a document's true translation pairs and of its unrelated pairs are distributed, each
/// taken as normal, estimated on the document itself: the best-matching target near the diagonal stands for
/// the translation of a source sentence, a target half a document away for an unrelated one. This weighs
/// lexical evidence by how much it tells apart on this document (a bridge translation separates the two
/// well; two languages with different scripts hardly at all) instead of by a constant tuned on one corpus.
/// </summary>
/// <param name="MatchMean">Typical (median) cosine of translation pairs.</param>
/// <param name="MatchDeviation">Standard deviation of the cosine of translation pairs.</param>
/// <param name="RandomMean">Mean cosine of unrelated pairs.</param>
/// <param name="RandomDeviation">Standard deviation of the cosine of unrelated pairs.</param>
internal sealed record SimilarityCalibration(double MatchMean, double MatchDeviation, double RandomMean, double RandomDeviation)
{
    /// <summary>The evidence one bead can carry at most either way, in nats.</summary>
    public const double MaxEvidence = 12;

    /// <summary>
    /// The least spread allowed to the cosine of translations, as a share of the distance between the two means.
    /// Where most targets copy the bridge word for word the median absolute deviation is nearly 0, and every
    /// edited sentence would look unrelated.
    /// </summary>
    private const double MinimumMatchSpread = 0.2;

    private const int MinimumSample = 8;
    private const int MaximumSample = 200;

    /// <summary>
    /// Boundaries taken as true, as pairs of a source and a target boundary (index k: before sentence k): where
    /// source sentences i and i + 1 best match target sentences j and j + 1, the boundary (i + 1, j + 1). Empty
    /// where the pair is too small to estimate from.
    /// </summary>
    public IReadOnlyList<(int Source, int Target)> Anchors { get; init; } = [];

    /// <summary>The mean background cosine of single sentences (see <see cref="SentenceBackground"/>); NaN without backgrounds (no correction is made).</summary>
    public double TypicalBackground { get; init; } = double.NaN;

    /// <summary>Used where a block is too small to estimate from (typical of a bridge compared with a human translation).</summary>
    public static SimilarityCalibration Default { get; } = new(0.45, 0.15, 0.03, 0.04);

    /// <summary>
    /// log p(cosine | translation) − log p(cosine | unrelated), clipped to ±<see cref="MaxEvidence"/>. The two
    /// normals share one (pooled) variance, which makes the ratio linear in the cosine (Fisher's discriminant):
    /// the unrelated pairs' narrow, light-tailed normal would otherwise make every fair match look certain.
    /// </summary>
    public double LogLikelihoodRatio(double cosine)
    {
        var variance = (Square(MatchDeviation) + Square(RandomDeviation)) / 2;
        var ratio = (MatchMean - RandomMean) / variance * (cosine - ((MatchMean + RandomMean) / 2));
        return Math.Clamp(ratio, -MaxEvidence, MaxEvidence);
    }

    /// <summary>
    /// How much a pair's cosine is lowered for the backgrounds of its two sides (see <see cref="SentenceBackground"/>):
    /// their mean less the <paramref name="typical"/> one; 0 where a background is unknown.
    /// </summary>
    public static double BackgroundShift(double sourceBackground, double targetBackground, double typical)
    {
        var shift = ((sourceBackground + targetBackground) / 2) - typical;
        return double.IsNaN(shift) ? 0 : shift;
    }

    /// <summary>Estimates the calibration for aligning all of <paramref name="source"/> with all of <paramref name="target"/>.</summary>
    public static SimilarityCalibration Estimate(SentenceVectors source, SentenceVectors target, SentenceBackground sourceBackground, SentenceBackground targetBackground)
    {
        int n = source.Count, m = target.Count;
        if (n < MinimumSample || m < MinimumSample)
        {
            return Default;
        }

        var sourceBackgrounds = Enumerable.Range(0, n).Select(i => sourceBackground.Cosine(i, 1)).ToArray();
        var targetBackgrounds = Enumerable.Range(0, m).Select(j => targetBackground.Cosine(j, 1)).ToArray();
        var typical = (Mean(sourceBackgrounds) + Mean(targetBackgrounds)) / 2;
        double Shift(int i, int j) => j >= 0 ? BackgroundShift(sourceBackgrounds[i], targetBackgrounds[j], typical) : 0;

        var window = Math.Clamp((Math.Abs(n - m) / 2) + 5, 5, Math.Max(5, Math.Min(40, m / 4)));
        var step = Math.Max(1, n / MaximumSample);
        var matches = new List<double>();
        var randoms = new List<double>();
        var anchors = new List<(int, int)>();
        for (var i = 0; i < n; i += step)
        {
            var centre = (int)((long)i * m / n);
            var (best, bestTarget) = BestMatch(source, i, target, centre, window);
            matches.Add(best - Shift(i, bestTarget));
            var unrelated = (centre + (m / 2)) % m;
            randoms.Add(Cosine(source, i, target, unrelated) - Shift(i, unrelated));

            // Where the next source sentence's best match is the next target sentence, the boundary between the
            // two pairs is taken as a true one: other scorers learn from it how the two sides agree there.
            if (i + 1 < n && bestTarget + 1 < m && best > 0 && BestMatch(source, i + 1, target, centre, window).Target == bestTarget + 1)
            {
                anchors.Add((i + 1, bestTarget + 1));
            }
        }

        var (matchMean, matchDeviation) = MedianAndDeviation(matches);
        var (randomMean, randomDeviation) = MeanAndDeviation(randoms);
        return new SimilarityCalibration(
            Math.Max(matchMean, randomMean + 0.01),
            Math.Max(matchDeviation, Math.Max(0.02, MinimumMatchSpread * (matchMean - randomMean))),
            randomMean,
            Math.Max(randomDeviation, 0.01))
        {
            Anchors = anchors,
            TypicalBackground = typical,
        };
    }

    /// <summary>The mean of the values that are numbers; NaN when none is.</summary>
    private static double Mean(double[] values)
    {
        var numbers = values.Where(v => !double.IsNaN(v)).ToList();
        return numbers.Count == 0 ? double.NaN : numbers.Average();
    }

    private static (double Cosine, int Target) BestMatch(SentenceVectors source, int i, SentenceVectors target, int centre, int window)
    {
        var first = Math.Max(0, centre - window);
        var count = Math.Min(target.Count, centre + window + 1) - first;
        if (count <= 0)
        {
            return (0, -1);
        }

        Span<float> dots = count <= 256 ? stackalloc float[count] : new float[count];
        source.Dots(i, target, first, dots);
        var best = 0.0;
        var bestTarget = -1;
        var sourceNorm = source.SquaredNorm(i, 1);
        for (var k = 0; k < count; k++)
        {
            var norms = sourceNorm * target.SquaredNorm(first + k, 1);
            var cosine = norms > 0 ? dots[k] / Math.Sqrt(norms) : 0;
            if (cosine > best)
            {
                (best, bestTarget) = (cosine, first + k);
            }
        }

        return (best, bestTarget);
    }

    private static double Cosine(SentenceVectors source, int i, SentenceVectors target, int j)
    {
        var norms = source.SquaredNorm(i, 1) * target.SquaredNorm(j, 1);
        return norms > 0 ? source.Dot(i, target, j) / Math.Sqrt(norms) : 0;
    }

    private static (double Mean, double Deviation) MeanAndDeviation(List<double> values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => Square(v - mean)) / Math.Max(1, values.Count - 1);
        return (mean, Math.Sqrt(variance));
    }

    /// <summary>
    /// The median and 1.4826 × the median absolute deviation (σ for normal data): robust against the source
    /// sentences that have no translation near the diagonal (insertions, captions, noise), whose best match is
    /// an unrelated sentence and would otherwise widen the translation distribution.
    /// </summary>
    private static (double Median, double Deviation) MedianAndDeviation(List<double> values)
    {
        var median = Median(values);
        return (median, 1.4826 * Median([.. values.Select(v => Math.Abs(v - median))]));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Square(double x) => x * x;
}
