using Bilingual.Core.Documents;

namespace Bilingual.Core.Alignment;

/// <summary>
/// Strict and lax precision, recall and F1 of an alignment against a gold alignment, as Vecalign's
/// <c>score.py</c> defines them (Thompson &amp; Koehn 2019, after Sennrich &amp; Volk 2011): beads are compared
/// as sets; precision counts every test bead, 1-0 and 0-1 included; recall leaves out beads with an empty
/// side on both lists; a lax hit shares a target sentence with the gold beads of one of its source sentences.
/// Counts are summed over documents before dividing (micro-average).
/// </summary>
public sealed record AlignmentScore(
    int PrecisionStrictHits, int PrecisionLaxHits, int TestBeads,
    int RecallStrictHits, int RecallLaxHits, int GoldBeads)
{
    /// <summary>Nothing counted yet.</summary>
    public static AlignmentScore Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Strict precision: test beads that are gold beads.</summary>
    public double PrecisionStrict => Ratio(PrecisionStrictHits, TestBeads);

    /// <summary>Strict recall: gold beads (without empty sides) that the test has.</summary>
    public double RecallStrict => Ratio(RecallStrictHits, GoldBeads);

    /// <summary>Strict F1.</summary>
    public double F1Strict => F1(PrecisionStrict, RecallStrict);

    /// <summary>Lax precision.</summary>
    public double PrecisionLax => Ratio(PrecisionLaxHits, TestBeads);

    /// <summary>Lax recall.</summary>
    public double RecallLax => Ratio(RecallLaxHits, GoldBeads);

    /// <summary>Lax F1.</summary>
    public double F1Lax => F1(PrecisionLax, RecallLax);

    /// <summary>Scores one document's <paramref name="test"/> beads against its <paramref name="gold"/> beads.</summary>
    public static AlignmentScore Score(IEnumerable<Bead> gold, IEnumerable<Bead> test)
    {
        var goldKeys = Keys(gold);
        var testKeys = Keys(test);
        var (strictP, laxP) = Hits(goldKeys, testKeys);
        var goldFull = goldKeys.Where(k => k.Source.Length > 0 && k.Target.Length > 0).ToList();
        var testFull = testKeys.Where(k => k.Source.Length > 0 && k.Target.Length > 0).ToList();
        var (strictR, laxR) = Hits(testFull, goldFull);
        return new AlignmentScore(strictP, laxP, testKeys.Count, strictR, laxR, goldFull.Count);
    }

    /// <summary>Adds the counts of another document (micro-average).</summary>
    public AlignmentScore Add(AlignmentScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            PrecisionStrictHits + other.PrecisionStrictHits, PrecisionLaxHits + other.PrecisionLaxHits, TestBeads + other.TestBeads,
            RecallStrictHits + other.RecallStrictHits, RecallLaxHits + other.RecallLaxHits, GoldBeads + other.GoldBeads);
    }

    private static List<Key> Keys(IEnumerable<Bead> beads)
    {
        var keys = new List<Key>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bead in beads)
        {
            if ((bead.Source.Count > 0 || bead.Target.Count > 0) && seen.Add(bead.ToString()))
            {
                keys.Add(new Key([.. bead.Source], [.. bead.Target], bead.ToString()));
            }
        }

        return keys;
    }

    /// <summary>(strict hits, lax hits) of <paramref name="test"/> judged against <paramref name="reference"/>.</summary>
    private static (int Strict, int Lax) Hits(List<Key> reference, List<Key> test)
    {
        var exact = reference.Select(k => k.Text).ToHashSet(StringComparer.Ordinal);
        var reach = new Dictionary<int, HashSet<int>>();
        foreach (var key in reference)
        {
            foreach (var s in key.Source)
            {
                if (!reach.TryGetValue(s, out var targets))
                {
                    reach[s] = targets = [];
                }

                targets.UnionWith(key.Target);
            }
        }

        int strict = 0, lax = 0;
        foreach (var key in test)
        {
            if (exact.Contains(key.Text))
            {
                strict++;
                lax++;
            }
            else if (key.Source.Any(s => reach.TryGetValue(s, out var targets) && key.Target.Any(targets.Contains)))
            {
                lax++;
            }
        }

        return (strict, lax);
    }

    private static double Ratio(int hits, int total) => total == 0 ? 0 : (double)hits / total;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    private sealed record Key(int[] Source, int[] Target, string Text);
}
