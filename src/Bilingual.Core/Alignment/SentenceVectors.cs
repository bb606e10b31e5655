using System.Runtime.InteropServices;
namespace Bilingual.Core.Alignment;

/// <summary>
/// The sentences of one side as sparse tf·idf vectors over <see cref="SentenceFeatures"/>. The idf is taken
/// over both sides together, so a name or a number that occurs in few sentences weighs more than a trigram
/// every sentence has. A bead's vector is the sum of its sentences' vectors, so every dot product a bead needs
/// is a sum of sentence-by-sentence dot products.
/// </summary>
internal sealed class SentenceVectors
{
    private readonly int[][] _keys;
    private readonly float[][] _weights;
    private readonly double[] _selfDots;
    private readonly double[] _spanNorms;
    private readonly int _span;
    private readonly int _featureCount;
    private float[]? _scratch;

    private SentenceVectors(int[][] keys, float[][] weights, int span, int featureCount)
    {
        _featureCount = featureCount;
        _keys = keys;
        _weights = weights;
        _span = span;
        _selfDots = new double[keys.Length * span];
        Span<float> row = stackalloc float[span];
        for (var i = 0; i < keys.Length; i++)
        {
            var count = Math.Min(span, keys.Length - i);
            Dots(i, this, i, row[..count]);
            for (var k = 0; k < count; k++)
            {
                _selfDots[(i * span) + k] = row[k];
            }
        }

        _spanNorms = new double[keys.Length * span];
        for (var i = 0; i < keys.Length; i++)
        {
            for (var count = 1; count <= span && i + count <= keys.Length; count++)
            {
                var sum = 0.0;
                for (var a = 0; a < count; a++)
                {
                    sum += _selfDots[(i + a) * span];
                    for (var b = a + 1; b < count; b++)
                    {
                        sum += 2 * _selfDots[((i + a) * span) + (b - a)];
                    }
                }

                _spanNorms[(i * span) + count - 1] = sum;
            }
        }
    }

    /// <summary>The number of sentences.</summary>
    public int Count => _keys.Length;

    /// <summary>Builds both sides' vectors; <paramref name="span"/> is the largest number of sentences one bead side may hold.</summary>
    public static (SentenceVectors Source, SentenceVectors Target) Build(
        IReadOnlyList<Dictionary<int, int>> source, IReadOnlyList<Dictionary<int, int>> target, int span)
    {
        // Features get dense ids in order of first sight, so a sentence's vector can be scattered into a plain
        // array and dotted with many others by lookup instead of by merging sorted lists.
        var ids = new Dictionary<int, int>();
        var documentFrequency = new List<int>();
        foreach (var bag in source.Concat(target))
        {
            foreach (var key in bag.Keys)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var exists);
                if (!exists)
                {
                    id = documentFrequency.Count;
                    documentFrequency.Add(0);
                }

                documentFrequency[id]++;
            }
        }

        var total = source.Count + target.Count;
        var idf = documentFrequency.Select(df => Math.Log(1 + ((double)total / df))).ToArray();
        return (Weigh(source, ids, idf, span), Weigh(target, ids, idf, span));
    }

    private static SentenceVectors Weigh(IReadOnlyList<Dictionary<int, int>> bags, Dictionary<int, int> ids, double[] idf, int span)
    {
        var keys = new int[bags.Count][];
        var weights = new float[bags.Count][];
        for (var i = 0; i < bags.Count; i++)
        {
            var sorted = new int[bags[i].Count];
            var counts = new int[sorted.Length];
            var k = 0;
            foreach (var (key, count) in bags[i])
            {
                sorted[k] = ids[key];
                counts[k++] = count;
            }

            Array.Sort(sorted, counts);
            var w = new float[sorted.Length];
            for (k = 0; k < sorted.Length; k++)
            {
                w[k] = (float)((1 + Math.Log(counts[k])) * idf[sorted[k]]);
            }

            keys[i] = sorted;
            weights[i] = w;
        }

        return new SentenceVectors(keys, weights, Math.Max(1, span), idf.Length);
    }

    /// <summary>The dot product of sentence <paramref name="i"/> here with sentence <paramref name="j"/> of <paramref name="other"/>.</summary>
    public double Dot(int i, SentenceVectors other, int j) => Dot(_keys[i], _weights[i], other._keys[j], other._weights[j]);

    /// <summary>
    /// The dot products of sentence <paramref name="i"/> here with sentences <paramref name="first"/>,
    /// <paramref name="first"/> + 1, … of <paramref name="other"/>, one for each element of
    /// <paramref name="result"/>. Not safe to call from two threads at once.
    /// </summary>
    public void Dots(int i, SentenceVectors other, int first, Span<float> result)
    {
        ArgumentNullException.ThrowIfNull(other);
        _scratch ??= new float[_featureCount];
        var ownKeys = _keys[i];
        var ownWeights = _weights[i];
        for (var k = 0; k < ownKeys.Length; k++)
        {
            _scratch[ownKeys[k]] = ownWeights[k];
        }

        for (var r = 0; r < result.Length; r++)
        {
            var otherKeys = other._keys[first + r];
            var otherWeights = other._weights[first + r];
            var sum = 0f;
            for (var k = 0; k < otherKeys.Length; k++)
            {
                sum += otherWeights[k] * _scratch[otherKeys[k]];
            }

            result[r] = sum;
        }

        for (var k = 0; k < ownKeys.Length; k++)
        {
            _scratch[ownKeys[k]] = 0;
        }
    }

    /// <summary>The squared norm of the sum of sentences [<paramref name="start"/>, +<paramref name="count"/>), count at most the span given at construction.</summary>
    public double SquaredNorm(int start, int count) => count == 0 ? 0 : _spanNorms[(start * _span) + count - 1];

    /// <summary>
    /// The squared norm of the sum of sentences [<paramref name="start"/>, +<paramref name="count"/>) without
    /// its member <paramref name="member"/> (0-based within the span), from the precomputed span norms: with A before it, x the member and B
    /// after it, |A+B|² = |A|² + |B|² + 2A·B, and 2A·B = |A+x+B|² − |A+x|² − |x+B|² + |x|².
    /// </summary>
    public double SquaredNormWithout(int start, int count, int member)
    {
        var norm = SquaredNorm(start, count);
        var before = SquaredNorm(start, member);
        var after = SquaredNorm(start + member + 1, count - member - 1);
        if (member == 0 || member == count - 1)
        {
            return before + after;
        }

        var crossTwice = norm - SquaredNorm(start, member + 1) - SquaredNorm(start + member, count - member) + SquaredNorm(start + member, 1);
        return Math.Max(0, before + after + crossTwice);
    }

    /// <summary>The sum of the sentences [<paramref name="start"/>, +<paramref name="count"/>) hashed into a dense vector of <paramref name="dimensions"/> (a power of two), for the coarse pass.</summary>
    public float[] Dense(int start, int count, int dimensions)
    {
        var dense = new float[dimensions];
        for (var i = start; i < start + count; i++)
        {
            for (var k = 0; k < _keys[i].Length; k++)
            {
                dense[(int)((uint)(_keys[i][k] * -1640531535) >> 7) & (dimensions - 1)] += _weights[i][k];
            }
        }

        return dense;
    }

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
