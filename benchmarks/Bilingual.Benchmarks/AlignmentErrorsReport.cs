using System.Globalization;
using Bilingual.Core;
using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Benchmarks;

/// <summary>
/// Where the aligner and a gold alignment disagree, and which scorer prefers which: for every stretch where the
/// beads differ, each scorer's cost of the gold beads minus its cost of the predicted beads (nats; negative: that
/// scorer prefers the gold). Usage: <c>alignment-errors SOURCE TARGET BRIDGE-or-- GOLD</c> (one sentence a line).
/// </summary>
public static class AlignmentErrorsReport
{
    /// <summary>Prints one line per differing stretch and the totals; returns 0, or 2 on bad arguments.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 4)
        {
            Console.Error.WriteLine("alignment-errors SOURCE TARGET BRIDGE-or-- GOLD");
            return 2;
        }

        var source = File.ReadAllLines(args[0]);
        var target = File.ReadAllLines(args[1]);
        var bridge = args[2] == "-" ? null : File.ReadAllLines(args[2]);
        var gold = BeadFormat.Read(args[3]);
        using var services = BilingualConfiguration.BuildServices(BilingualConfiguration.Build());
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlignmentOptions>>().Value;
        var predicted = new AlignmentBenchmark.JobRunner(services.GetRequiredService<IAlignmentJob>()).Align(args[0], args[1], bridge is null ? null : args[2]).Beads.ToList();
        var model = new AlignmentModel(source, target, bridge, options);

        double[]? totals = null;
        var stretches = 0;
        foreach (var (start, goldBeads, predictedBeads) in Stretches(gold, predicted))
        {
            var (goldCosts, predictedCosts) = (Costs(model, goldBeads, start), Costs(model, predictedBeads, start));
            stretches++;
            if (goldCosts.Length == 0 || predictedCosts.Length == 0)
            {
                // Gold beads out of order (crossing) leave one side of the stretch empty: nothing to compare.
                Console.WriteLine($"gold {string.Join(' ', goldBeads)}  predicted {string.Join(' ', predictedBeads)}  not comparable");
                continue;
            }

            var difference = goldCosts.Zip(predictedCosts, (g, p) => g - p).ToArray();
            totals = totals is null ? difference : [.. totals.Zip(difference, (t, d) => t + d)];
            Console.WriteLine($"gold {string.Join(' ', goldBeads)}  predicted {string.Join(' ', predictedBeads)}  gold − predicted: {Format(difference)}");
        }

        Console.WriteLine($"{stretches} stretches; total gold − predicted (length, similarity, boundary scorers): {Format(totals ?? [])}");
        return 0;
    }

    /// <summary>The stretches where the two bead lists differ, each with the lattice point it starts from.</summary>
    private static IEnumerable<((int Source, int Target) Start, List<Bead> Gold, List<Bead> Predicted)> Stretches(IReadOnlyList<Bead> gold, List<Bead> predicted)
    {
        int g = 0, p = 0;
        var start = (0, 0);
        while (g < gold.Count)
        {
            // Take beads from both lists until both cover the same sentences on each side.
            var goldStretch = new List<Bead> { gold[g++] };
            var predictedStretch = new List<Bead>();
            while (true)
            {
                var goal = End(goldStretch, start);
                while (p < predicted.Count && Before(End(predictedStretch, start), goal))
                {
                    predictedStretch.Add(predicted[p++]);
                }

                if (End(predictedStretch, start) == goal || g >= gold.Count)
                {
                    break;
                }

                goldStretch.Add(gold[g++]);
            }

            if (string.Join(' ', goldStretch) != string.Join(' ', predictedStretch))
            {
                yield return (start, goldStretch, predictedStretch);
            }

            start = End(goldStretch, start);
        }
    }

    private static bool Before((int Source, int Target) a, (int Source, int Target) b) => a.Source < b.Source || a.Target < b.Target;

    private static (int Source, int Target) End(List<Bead> beads, (int Source, int Target) start) => (
        Math.Max(start.Source, beads.SelectMany(b => b.Source).DefaultIfEmpty(-1).Max() + 1),
        Math.Max(start.Target, beads.SelectMany(b => b.Target).DefaultIfEmpty(-1).Max() + 1));

    private static double[] Costs(AlignmentModel model, List<Bead> beads, (int Source, int Target) start)
    {
        var (s, t) = start;
        double[]? sum = null;
        foreach (var bead in beads)
        {
            var s0 = bead.Source.Count > 0 ? bead.Source[0] : s;
            var t0 = bead.Target.Count > 0 ? bead.Target[0] : t;
            var costs = model.ScorerCosts(s0, bead.Source.Count, t0, bead.Target.Count);
            sum = sum is null ? costs : [.. sum.Zip(costs, (a, b) => a + b)];
            (s, t) = (s0 + bead.Source.Count, t0 + bead.Target.Count);
        }

        return sum ?? [];
    }

    private static string Format(IEnumerable<double> values) =>
        string.Join(' ', values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));
}
