using System.Runtime.Intrinsics;

namespace Bilingual.Core.Alignment;

/// <summary>
/// The cost of a bead of whole blocks in the coarse pass: Gale &amp; Church on the blocks' lengths, less a
/// credit for the cosine of their hashed feature vectors. It only has to find the neighbourhood of the path;
/// the fine pass decides every bead.
/// </summary>
internal sealed class CoarseScorer : IBeadScorer
{
    // Weight of cosine in nats: neighbouring blocks overlap in vocabulary, so what tells the right
    // block from its neighbour is a difference of a few tenths of cosine, which must outweigh length noise.
    private const double SimilarityWeight = 10;

    private readonly float[][] _source;
    private readonly float[][] _target;
    private readonly int[] _rowLow;
    private readonly int[] _bandHigh;
    private readonly double[]?[] _rows;
    private readonly double[] _sourceSelf;
    private readonly double[] _sourceNext;
    private readonly double[] _targetSelf;
    private readonly double[] _targetNext;
    private readonly long[] _sourceLengths;
    private readonly long[] _targetLengths;
    private readonly double _ratio;
    private readonly BeadPriors _priors = BeadPriors.GaleChurch(2);

    /// <summary>
    /// Creates the scorer over the blocks' dense vectors and lengths. Block-by-block dot products are computed
    /// when first asked for, a row at a time and only for the pairs <paramref name="band"/> can put in one bead.
    /// </summary>
    public CoarseScorer(float[][] source, float[][] target, long[] sourceLengths, long[] targetLengths, double ratio, AlignmentBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        _source = source;
        _target = target;
        _sourceLengths = sourceLengths;
        _targetLengths = targetLengths;
        _ratio = ratio;
        var n = source.Length;
        _rowLow = new int[n];
        _bandHigh = new int[n];
        _rows = new double[n][];
        for (var r = 0; r < n; r++)
        {
            // Beads holding source block r (at most two blocks a side) end at a boundary in [r + 1, r + 2].
            _rowLow[r] = Math.Max(0, band.Low[r + 1] - 2);
            _bandHigh[r] = Math.Min(target.Length, band.High[Math.Min(n, r + 2)]);
        }

        (_sourceSelf, _sourceNext) = SelfDots(source);
        (_targetSelf, _targetNext) = SelfDots(target);
    }

    /// <inheritdoc />
    public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        long sourceLength = 0, targetLength = 0;
        for (var i = sourceStart; i < sourceStart + sourceCount; i++)
        {
            sourceLength += _sourceLengths[i];
        }

        for (var j = targetStart; j < targetStart + targetCount; j++)
        {
            targetLength += _targetLengths[j];
        }

        // As in the fine pass, a skipped block's length is capped: the coarse path must be able to step over a page
        // of captions rather than spread it over its neighbours.
        var cost = LengthScorer.BeadCost(_priors, sourceCount, targetCount, sourceLength * _ratio, targetLength);
        if (sourceCount == 0 || targetCount == 0)
        {
            return cost;
        }

        var dot = 0.0;
        for (var i = sourceStart; i < sourceStart + sourceCount; i++)
        {
            for (var j = targetStart; j < targetStart + targetCount; j++)
            {
                dot += BlockDot(i, j);
            }
        }

        var norms = Norm(_sourceSelf, _sourceNext, sourceStart, sourceCount) * Norm(_targetSelf, _targetNext, targetStart, targetCount);
        var cosine = norms > 0 ? dot / Math.Sqrt(norms) : 0;
        // Similarity is evidence for the blocks being translations (a credit), and a skipped block carries none:
        // charging a skip as much as a pair with nothing in common would make the coarse path smear a run of
        // inserted sentences over its neighbours as 1-2 beads instead of stepping over it.
        return cost - (SimilarityWeight * cosine);
    }

    private double BlockDot(int i, int j)
    {
        var k = j - _rowLow[i];
        if (k < 0 || j >= _bandHigh[i])
        {
            return Dot(_source[i], _target[j]);
        }

        var row = _rows[i];
        if (row is null)
        {
            row = _rows[i] = new double[Math.Max(0, _bandHigh[i] - _rowLow[i])];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = Dot(_source[i], _target[_rowLow[i] + c]);
            }
        }

        return row[k];
    }

    private static double Norm(double[] self, double[] next, int start, int count) =>
        count == 1 ? self[start] : self[start] + self[start + 1] + (2 * next[start]);

    private static (double[] Self, double[] Next) SelfDots(float[][] blocks)
    {
        var self = new double[blocks.Length];
        var next = new double[blocks.Length];
        for (var b = 0; b < blocks.Length; b++)
        {
            self[b] = Dot(blocks[b], blocks[b]);
            next[b] = b + 1 < blocks.Length ? Dot(blocks[b], blocks[b + 1]) : 0;
        }

        return (self, next);
    }

    private static double Dot(float[] a, float[] b)
    {
        // 128-bit vectors, not Vector<T>: code sized to the machine's vectors cannot be compiled ahead of time
        // (ReadyToRun), and the coarse pass runs once, at the start of a short-lived command.
        var sum = Vector128<float>.Zero;
        var k = 0;
        for (; k + Vector128<float>.Count <= a.Length; k += Vector128<float>.Count)
        {
            sum += Vector128.Create(a.AsSpan(k, Vector128<float>.Count)) * Vector128.Create(b.AsSpan(k, Vector128<float>.Count));
        }

        var total = (double)Vector128.Sum(sum);
        for (; k < a.Length; k++)
        {
            total += a[k] * b[k];
        }

        return total;
    }
}
