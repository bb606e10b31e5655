namespace Bilingual.Core.Alignment;

/// <summary>
/// Lexical similarity evidence: the cosine between the summed feature vectors of a bead's two sides (the
/// bridge translation of the source side where there is one, otherwise the source itself), turned into a
/// log-likelihood ratio of "these are translations" against "these are unrelated" by
/// <see cref="SimilarityCalibration"/>. Sentence-by-sentence dot products are computed once, only for the
/// pairs the band can put in one bead, so the work grows with the band's area.
/// </summary>
internal sealed class SimilarityScorer : IBeadScorer
{
    private readonly SentenceVectors _source;
    private readonly SentenceVectors _target;
    private readonly SimilarityCalibration _calibration;
    private readonly int _sourceStart;
    private readonly int[] _rowLow;
    private readonly float[][] _rows;
    private readonly bool[] _filled;
    private readonly SentenceBackground _sourceBackground;
    private readonly SentenceBackground _targetBackground;

    /// <summary>Creates the scorer for the block of the band starting at (<paramref name="sourceStart"/>, <paramref name="targetStart"/>).</summary>
    public SimilarityScorer(SentenceVectors source, SentenceVectors target, SimilarityCalibration calibration, AlignmentBand band, int sourceStart, int targetStart, int maxSide, SentenceBackground sourceBackground, SentenceBackground targetBackground)
    {
        _sourceBackground = sourceBackground;
        _targetBackground = targetBackground;
        _source = source;
        _target = target;
        _calibration = calibration;
        _sourceStart = sourceStart;
        var n = band.SourceCount;
        _rowLow = new int[n];
        _rows = new float[n][];
        _filled = new bool[n];
        for (var r = 0; r < n; r++)
        {
            // Beads holding source sentence r end at a boundary in [r + 1, r + maxSide].
            var low = Math.Max(0, band.Low[r + 1] - maxSide);
            var high = band.High[Math.Min(n, r + maxSide)];
            _rowLow[r] = targetStart + low;
            _rows[r] = new float[Math.Max(0, high - low)];
        }
    }

    /// <inheritdoc />
    public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount) =>
        Cost(sourceStart, sourceCount, targetStart, targetCount, double.PositiveInfinity);

    /// <inheritdoc />
    public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount, double limit)
    {
        if (sourceCount == 0 || targetCount == 0)
        {
            return 0;
        }

        // One pass over the sentence-by-sentence dot products gives the bead's dot product and, as row and
        // column sums, each sentence's dot product with the whole other side.
        Span<double> rowSums = stackalloc double[sourceCount];
        Span<double> columnSums = stackalloc double[targetCount];
        var dot = 0.0;
        for (var a = 0; a < sourceCount; a++)
        {
            for (var b = 0; b < targetCount; b++)
            {
                var d = PairDot(sourceStart + a, targetStart + b);
                rowSums[a] += d;
                columnSums[b] += d;
                dot += d;
            }
        }

        var sourceNorm = _source.SquaredNorm(sourceStart, sourceCount);
        var targetNorm = _target.SquaredNorm(targetStart, targetCount);
        var sourceAll = _sourceBackground.Cosine(sourceStart, sourceCount);
        var targetAll = _targetBackground.Cosine(targetStart, targetCount);
        var cost = -_calibration.LogLikelihoodRatio(Cosine(dot, sourceNorm, targetNorm) - Shift(sourceAll, targetAll));
        if (sourceCount == 1 && targetCount == 1)
        {
            return cost;
        }

        // In a bead of several sentences every one must be part of the translation: a sentence that looks
        // unrelated to the other side (a caption, a line of OCR noise, an added remark) belongs in a 1-0 or
        // 0-1 bead of its own. Holding it already costs the bead the evidence it dilutes (the merged cosine
        // against the cosine without it), so a member is charged only what its own lack of evidence adds to
        // that: a loosely translated sentence that hardly lowers the merged similarity is not charged twice.
        // Members' charges are never negative, so the bead is past the limit as soon as their sum so far is.
        var evidence = -cost;
        for (var a = 0; a < sourceCount && sourceCount > 1 && cost <= limit; a++)
        {
            var withoutNorm = _source.SquaredNormWithout(sourceStart, sourceCount, a);
            var memberNorm = _source.SquaredNorm(sourceStart + a, 1);
            var dilution = _calibration.LogLikelihoodRatio(Cosine(dot - rowSums[a], withoutNorm, targetNorm) - Shift(_sourceBackground.CosineWithout(sourceStart, sourceCount, a), targetAll)) - evidence;
            var alone = -_calibration.LogLikelihoodRatio(Cosine(rowSums[a], memberNorm, targetNorm) - Shift(_sourceBackground.Cosine(sourceStart + a, 1), targetAll));
            cost += Math.Max(0, alone - Math.Max(0, dilution));
        }

        for (var b = 0; b < targetCount && targetCount > 1 && cost <= limit; b++)
        {
            var withoutNorm = _target.SquaredNormWithout(targetStart, targetCount, b);
            var memberNorm = _target.SquaredNorm(targetStart + b, 1);
            var dilution = _calibration.LogLikelihoodRatio(Cosine(dot - columnSums[b], sourceNorm, withoutNorm) - Shift(sourceAll, _targetBackground.CosineWithout(targetStart, targetCount, b))) - evidence;
            var alone = -_calibration.LogLikelihoodRatio(Cosine(columnSums[b], sourceNorm, memberNorm) - Shift(sourceAll, _targetBackground.Cosine(targetStart + b, 1)));
            cost += Math.Max(0, alone - Math.Max(0, dilution));
        }

        return cost;
    }

    private double Shift(double sourceBackground, double targetBackground) =>
        SimilarityCalibration.BackgroundShift(sourceBackground, targetBackground, _calibration.TypicalBackground);

    private static double Cosine(double dot, double sourceNorm, double targetNorm)
    {
        var norms = sourceNorm * targetNorm;
        return dot > 0 && norms > 0 ? Math.Min(1.0, dot / Math.Sqrt(norms)) : 0;
    }

    private double PairDot(int i, int j)
    {
        var r = i - _sourceStart;
        if (r >= 0 && r < _rows.Length)
        {
            var row = _rows[r];
            var k = j - _rowLow[r];
            if (k >= 0 && k < row.Length)
            {
                if (!_filled[r])
                {
                    // The whole row at once: source sentence i is scattered once for all its targets in the band.
                    _source.Dots(i, _target, _rowLow[r], row);
                    _filled[r] = true;
                }

                return row[k];
            }
        }

        return _source.Dot(i, _target, j);
    }
}
