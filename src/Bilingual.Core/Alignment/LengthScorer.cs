namespace Bilingual.Core.Alignment;

/// <summary>
/// Gale &amp; Church (1993): the lengths of mutual translations are proportional, and the target length of a
/// bead is normally distributed around <c>ratio</c> times the source length with a variance that grows with
/// the length. The cost is −log P(|δ| ≥ observed), two-sided, plus −log of the bead shape's prior
/// (<see cref="BeadPriors"/>).
/// </summary>
internal sealed class LengthScorer : IBeadScorer
{
    /// <summary>Gale &amp; Church 1993: variance of the target length per source character (s² = 6.8).</summary>
    public const double Variance = 6.8;

    /// <summary>Characters of prior evidence for a length ratio of 1.</summary>
    private const long RatioPseudoCount = 500;

    private readonly long[] _sourcePrefix;
    private readonly long[] _targetPrefix;
    private readonly double _ratio;
    private readonly BeadPriors _priors;

    /// <summary>Creates the scorer over the sentence lengths of both sides; the ratio is the document's own (total target ÷ total source length, shrunk towards 1 for short texts).</summary>
    public LengthScorer(IReadOnlyList<int> sourceLengths, IReadOnlyList<int> targetLengths, BeadPriors priors)
    {
        _priors = priors;
        _sourcePrefix = Prefix(sourceLengths);
        _targetPrefix = Prefix(targetLengths);
        var sourceTotal = _sourcePrefix[^1];
        var targetTotal = _targetPrefix[^1];
        // The document's own ratio, shrunk towards 1 by a pseudo-count: a paragraph or two is too little text to
        // estimate it from (one inserted sentence would move it), a book is plenty.
        _ratio = (targetTotal + RatioPseudoCount) / (double)(sourceTotal + RatioPseudoCount);
    }

    private LengthScorer(LengthScorer lengths, BeadPriors priors)
    {
        _sourcePrefix = lengths._sourcePrefix;
        _targetPrefix = lengths._targetPrefix;
        _ratio = lengths._ratio;
        _priors = priors;
    }

    /// <summary>The same lengths and ratio with other bead-shape priors (those re-estimated on the document).</summary>
    public LengthScorer WithPriors(BeadPriors priors) => new(this, priors ?? throw new ArgumentNullException(nameof(priors)));

    /// <summary>The target-to-source length ratio in use.</summary>
    public double Ratio => _ratio;

    /// <summary>The total length of source sentences [<paramref name="start"/>, +<paramref name="count"/>).</summary>
    public long SourceLength(int start, int count) => _sourcePrefix[start + count] - _sourcePrefix[start];

    /// <summary>The total length of target sentences [<paramref name="start"/>, +<paramref name="count"/>).</summary>
    public long TargetLength(int start, int count) => _targetPrefix[start + count] - _targetPrefix[start];

    /// <inheritdoc />
    public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        var source = _sourcePrefix[sourceStart + sourceCount] - _sourcePrefix[sourceStart];
        var target = _targetPrefix[targetStart + targetCount] - _targetPrefix[targetStart];
        return BeadCost(_priors, sourceCount, targetCount, source * _ratio, target);
    }

    /// <summary>
    /// The prior of a bead's shape plus the cost of its lengths (<paramref name="expected"/> target length for its
    /// source side, <paramref name="observed"/> target length), the fine pass's and the coarse pass's alike.
    /// </summary>
    public static double BeadCost(BeadPriors priors, int sourceCount, int targetCount, double expected, double observed)
    {
        ArgumentNullException.ThrowIfNull(priors);
        // Gale & Church's δ of a sentence against nothing keeps growing with its length, yet an inserted remark
        // (or a page of captions) is not much rarer for being long: a skip's length counts up to two standard
        // deviations only.
        var length = LengthCost(expected, observed);
        return priors.Cost(sourceCount, targetCount) + (sourceCount == 0 || targetCount == 0 ? Math.Min(length, SkipLengthCap) : length);
    }

    /// <summary>−log P(|δ| ≥ 2): the most a skip's length may cost.</summary>
    private static readonly double SkipLengthCap = -LogTwoSidedTail(2);

    /// <summary>−log P(|δ| ≥ observed) for an expected target length and an observed one.</summary>
    public static double LengthCost(double expected, double observed)
    {
        // Gale & Church: δ = (l2 − c·l1) / sqrt(l1·s²); the spread is taken on the mean of both lengths so the
        // measure is symmetric and a 0-1 bead has a defined cost.
        var mean = (expected + observed) / 2;
        if (mean <= 0)
        {
            return 0;
        }

        var delta = Math.Abs(observed - expected) / Math.Sqrt(mean * Variance);
        return -LogTwoSidedTail(delta);
    }

    /// <summary>log(2·(1 − Φ(x))) for x ≥ 0, accurate far into the tail.</summary>
    internal static double LogTwoSidedTail(double x) => LogErfc(Math.Abs(x) / Math.Sqrt(2));

    /// <summary>
    /// log erfc(z) for z ≥ 0 (Numerical Recipes' Chebyshev fit erfc(z) = t·exp(−z² + P(t)), relative error below
    /// 1.2e-7 for every z). Taken in the log domain the fit needs one logarithm and no exponential, and does not
    /// underflow however far into the tail z lies.
    /// </summary>
    private static double LogErfc(double z)
    {
        var t = 1.0 / (1.0 + (0.5 * z));
        // Horner's rule written out: the engine asks for this once per candidate bead, and a loop over a table
        // of coefficients is several times slower than the straight chain of multiply-adds.
        var polynomial = ((((((((((0.17087277 * t) - 0.82215223) * t) + 1.48851587) * t) - 1.13520398) * t) + 0.27886807) * t) - 0.18628806) * t;
        polynomial = ((((((polynomial + 0.09678418) * t) + 0.37409196) * t) + 1.00002368) * t) - 1.26551223;
        return Math.Log(t) - (z * z) + polynomial;
    }

    private static long[] Prefix(IReadOnlyList<int> lengths)
    {
        var prefix = new long[lengths.Count + 1];
        for (var i = 0; i < lengths.Count; i++)
        {
            prefix[i + 1] = prefix[i] + lengths[i];
        }

        return prefix;
    }
}
