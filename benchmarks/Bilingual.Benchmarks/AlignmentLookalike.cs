using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;

namespace Bilingual.Benchmarks;

/// <summary>
/// A look-alike of the Text+Berg test job (7 de–fr documents of 76 to 567 sentences, both sides together, 2,002 in
/// all, about 115 characters a sentence), cut from the Text+Berg development pair at bead boundaries of its gold
/// alignment: each piece carries its own source, target, bridge, reverse bridge and gold files, renumbered from 0. The pieces
/// overlap (the development pair has only 1,022 sentences), and their places are fixed, so every run times and
/// scores the same job.
/// </summary>
internal static class AlignmentLookalike
{
    /// <summary>Sentences of each piece, both sides together, in the order they are cut: the test job's range and total.</summary>
    private static readonly int[] Sizes = [300, 76, 567, 190, 359, 240, 270];

    /// <summary>Writes the pieces into <paramref name="folder"/>; returns each piece's source, target, bridge, gold and reverse bridge paths.</summary>
    public static (string Source, string Target, string Bridge, string Gold, string? ReverseBridge)[] Write(string source, string target, string bridge, string gold, string reverseBridge, string folder)
    {
        var sourceLines = File.ReadAllLines(source);
        var targetLines = File.ReadAllLines(target);
        var bridgeLines = File.ReadAllLines(bridge);
        var reverseLines = File.ReadAllLines(reverseBridge);
        var beads = BeadFormat.Read(gold);

        // Where each bead starts on each side: the gold covers every sentence once, in order.
        var sourceAt = new int[beads.Count + 1];
        var targetAt = new int[beads.Count + 1];
        for (var k = 0; k < beads.Count; k++)
        {
            sourceAt[k + 1] = sourceAt[k] + beads[k].Source.Count;
            targetAt[k + 1] = targetAt[k] + beads[k].Target.Count;
        }

        var pieces = new List<(string, string, string, string, string?)>();
        for (var p = 0; p < Sizes.Length; p++)
        {
            // Pieces start evenly through the document; one that would run past its end starts earlier.
            var first = (int)((long)p * beads.Count / Sizes.Length);
            var last = first;
            while (last < beads.Count && sourceAt[last] - sourceAt[first] + targetAt[last] - targetAt[first] < Sizes[p])
            {
                last++;
            }

            while (sourceAt[last] - sourceAt[first] + targetAt[last] - targetAt[first] < Sizes[p] && first > 0)
            {
                first--;
            }

            var name = Path.Combine(folder, $"piece{p}");
            File.WriteAllLines(name + ".de", sourceLines[sourceAt[first]..sourceAt[last]]);
            File.WriteAllLines(name + ".fr", targetLines[targetAt[first]..targetAt[last]]);
            File.WriteAllLines(name + ".de2fr", bridgeLines[sourceAt[first]..sourceAt[last]]);
            File.WriteAllLines(name + ".fr2de", reverseLines[targetAt[first]..targetAt[last]]);
            using (var writer = new StreamWriter(name + ".gold"))
            {
                BeadFormat.Write(writer, beads.Skip(first).Take(last - first).Select(b => new Bead(
                    [.. b.Source.Select(i => i - sourceAt[first])], [.. b.Target.Select(j => j - targetAt[first])], 1)));
            }

            pieces.Add((name + ".de", name + ".fr", name + ".de2fr", name + ".gold", name + ".fr2de"));
        }

        return [.. pieces];
    }
}
