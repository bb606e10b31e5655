using System.Runtime.CompilerServices;
namespace Bilingual.Core.Alignment;

/// <summary>
/// The sentences of one side as sparse tf·idf vectors over <see cref="SentenceFeatures"/>. The idf is taken
/// over both sides together, so a name or a number that occurs in few sentences weighs more than a trigram
/// every sentence has. A bead's vector is the sum of its sentences' vectors, so every dot product a bead needs
/// is a sum of sentence-by-sentence dot products.
/// </summary>
internal sealed class SentenceVectors
{
    private readonly int[][] keys;
    private readonly float[][] weights;
    private readonly double[] selfDots;
    private readonly double[] spanNorms;
    private readonly int span;

    private SentenceVectors(int[][] keys, float[][] weights, int span)
    {
        this.keys = keys;
        this.weights = weights;
        this.span = span;
        selfDots = new double[keys.Length * span];
        for (var i = 0; i < keys.Length; i++)
        {
            for (var k = 0; k < span && i + k < keys.Length; k++)
            {
                selfDots[i * span + k] = Dot(keys[i], weights[i], keys[i + k], weights[i + k]);
            }
        }

        spanNorms = new double[keys.Length * span];
        for (var i = 0; i < keys.Length; i++)
        {
            for (var count = 1; count <= span && i + count <= keys.Length; count++)
            {
                var sum = 0.0;
                for (var a = 0; a < count; a++)
                {
                    sum += selfDots[(i + a) * span];
                    for (var b = a + 1; b < count; b++)
                    {
                        sum += 2 * selfDots[((i + a) * span) + (b - a)];
                    }
                }

                spanNorms[(i * span) + count - 1] = sum;
            }
        }
    }

    /// <summary>The number of sentences.</summary>
    public int Count => keys.Length;

    /// <summary>Builds both sides' vectors; <paramref name="span"/> is the largest number of sentences one bead side may hold.</summary>
    public static (SentenceVectors Source, SentenceVectors Target) Build(
        IReadOnlyList<Dictionary<int, int>> source, IReadOnlyList<Dictionary<int, int>> target, int span)
    {
        var documentFrequency = new Dictionary<int, int>();
        foreach (var bag in source.Concat(target))
        {
            foreach (var key in bag.Keys)
            {
                documentFrequency[key] = documentFrequency.GetValueOrDefault(key) + 1;
            }
        }

        var total = source.Count + target.Count;
        return (Weigh(source, documentFrequency, total, span), Weigh(target, documentFrequency, total, span));
    }

    private static SentenceVectors Weigh(IReadOnlyList<Dictionary<int, int>> bags, Dictionary<int, int> documentFrequency, int total, int span)
    {
        var keys = new int[bags.Count][];
        var weights = new float[bags.Count][];
        for (var i = 0; i < bags.Count; i++)
        {
            var sorted = bags[i].Keys.Order().ToArray();
            var w = new float[sorted.Length];
            for (var k = 0; k < sorted.Length; k++)
            {
                var tf = 1 + Math.Log(bags[i][sorted[k]]);
                var idf = Math.Log(1 + (double)total / documentFrequency[sorted[k]]);
                w[k] = (float)(tf * idf);
            }

            keys[i] = sorted;
            weights[i] = w;
        }

        return new SentenceVectors(keys, weights, Math.Max(1, span));
    }

    /// <summary>The dot product of sentence <paramref name="i"/> here with sentence <paramref name="j"/> of <paramref name="other"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Dot(int i, SentenceVectors other, int j) => Dot(keys[i], weights[i], other.keys[j], other.weights[j]);

    /// <summary>The squared norm of the sum of sentences [<paramref name="start"/>, +<paramref name="count"/>), count at most the span given at construction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double SquaredNorm(int start, int count) => count == 0 ? 0 : spanNorms[(start * span) + count - 1];

    /// <summary>The sum of the sentences [<paramref name="start"/>, +<paramref name="count"/>) hashed into a dense vector of <paramref name="dimensions"/> (a power of two), for the coarse pass.</summary>
    public float[] Dense(int start, int count, int dimensions)
    {
        var dense = new float[dimensions];
        for (var i = start; i < start + count; i++)
        {
            for (var k = 0; k < keys[i].Length; k++)
            {
                dense[(int)((uint)(keys[i][k] * -1640531535) >> 7) & (dimensions - 1)] += weights[i][k];
            }
        }

        return dense;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(int[] ak, float[] aw, int[] bk, float[] bw)
    {
        var sum = 0.0;
        int x = 0, y = 0;
        while (x < ak.Length && y < bk.Length)
        {
            var d = ak[x] - bk[y];
            if (d == 0)
            {
                sum += aw[x++] * bw[y++];
            }
            else if (d < 0)
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return sum;
    }
}
