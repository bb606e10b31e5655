namespace Bilingual.Core.Alignment;

/// <summary>
/// How similar each sentence (or span of sentences) of one side is to the other side in general: its mean cosine
/// with an evenly spread sample of the other side's sentences. Some sentences resemble everything (long ones,
/// ones full of common words), some nothing; and a span of several sentences resembles more than one sentence
/// does. Taking this background off a bead's cosine leaves what is specific to the pair (the hubness correction
/// of Vecalign, Thompson &amp; Koehn 2019). Every span a bead side can be, with and without each member, is
/// worked out once.
/// </summary>
internal sealed class SentenceBackground
{
    /// <summary>How many of the other side's sentences each sentence is compared with.</summary>
    public const int SampleSize = 16;

    /// <summary>
    /// Below this many sentences on the other side there is no background to speak of (the sample would hold
    /// the sentence's own translation): every background is then NaN and no correction is made.
    /// </summary>
    public const int MinimumOtherSide = 4 * SampleSize;

    private readonly int _span;
    private readonly double[] _spans;
    private readonly double[] _without;

    private SentenceBackground(int span, double[] spans, double[] without)
    {
        _span = span;
        _spans = spans;
        _without = without;
    }

    /// <summary>The background of every span of up to <paramref name="span"/> sentences of <paramref name="side"/> against a sample of <paramref name="other"/>.</summary>
    public static SentenceBackground Build(SentenceVectors side, SentenceVectors other, int span)
    {
        var n = side.Count;
        if (other.Count < MinimumOtherSide)
        {
            var none = new double[n * span];
            Array.Fill(none, double.NaN);
            var noneWithout = new double[n * span * span];
            Array.Fill(noneWithout, double.NaN);
            return new SentenceBackground(span, none, noneWithout);
        }

        var size = SampleSize;
        var sample = Enumerable.Range(0, size).Select(k => (int)((k + 0.5) * other.Count / size)).ToArray();
        var inverseNorms = sample.Select(j => other.SquaredNorm(j, 1) is > 0 and var norm ? 1 / Math.Sqrt(norm) : 0).ToArray();
        // One sampled sentence against every sentence of this side at once (scattered once, then looked up).
        var dots = new double[side.Count * size];
        var column = new float[side.Count];
        for (var s = 0; s < size; s++)
        {
            other.Dots(sample[s], side, 0, column);
            for (var i = 0; i < side.Count; i++)
            {
                dots[(i * size) + s] = column[i];
            }
        }

        // Samples near the span's own place in the document may hold its translation; they are left out of its
        // background, as far out as the two sides' difference in length lets that translation drift.
        var reach = (Math.Abs(n - other.Count) / 2) + 5;
        var spans = new double[n * span];
        var without = new double[n * span * span];
        Span<double> sum = stackalloc double[size];
        Span<bool> used = stackalloc bool[size];
        for (var start = 0; start < n; start++)
        {
            var centre = (int)((long)start * other.Count / Math.Max(1, n));
            for (var s = 0; s < size; s++)
            {
                used[s] = Math.Abs(sample[s] - centre) > reach;
            }

            for (var count = 1; count <= span && start + count <= n; count++)
            {
                spans[(start * span) + count - 1] = Mean(dots, size, start, count, -1, side.SquaredNorm(start, count), inverseNorms, used, sum);
                for (var member = 0; member < count && count > 1; member++)
                {
                    without[(((start * span) + count - 1) * span) + member] =
                        Mean(dots, size, start, count, start + member, side.SquaredNormWithout(start, count, member), inverseNorms, used, sum);
                }
            }
        }

        return new SentenceBackground(span, spans, without);
    }

    /// <summary>The background of sentences [<paramref name="start"/>, +<paramref name="count"/>), count at most the span given at construction; NaN where there is none.</summary>
    public double Cosine(int start, int count) => _spans[(start * _span) + count - 1];

    /// <summary>The background of sentences [<paramref name="start"/>, +<paramref name="count"/>) without its member <paramref name="member"/> (0-based within the span).</summary>
    public double CosineWithout(int start, int count, int member) => _without[(((start * _span) + count - 1) * _span) + member];

    private static double Mean(double[] dots, int size, int start, int count, int excluded, double norm, double[] inverseNorms, ReadOnlySpan<bool> used, Span<double> sum)
    {
        if (norm <= 0)
        {
            return 0;
        }

        sum.Clear();
        for (var i = start; i < start + count; i++)
        {
            if (i == excluded)
            {
                continue;
            }

            for (var s = 0; s < size; s++)
            {
                sum[s] += dots[(i * size) + s];
            }
        }

        var total = 0.0;
        var samples = 0;
        for (var s = 0; s < size; s++)
        {
            if (used[s])
            {
                total += Math.Max(0, sum[s]) * inverseNorms[s];
                samples++;
            }
        }

        return samples == 0 ? double.NaN : total / (samples * Math.Sqrt(norm));
    }
}
