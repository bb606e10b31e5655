using System.Diagnostics;
using System.Globalization;
using Bilingual.Core;
using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Benchmarks;

/// <summary>
/// Sentence alignment quality (strict and lax F1, Vecalign's scorer) and time on the development sets in
/// <c>../shared/data/align</c>, with and without a machine-translated bridge, and the time to align a
/// synthetic pairs (<c>--synthetic 1000,10000</c>, sentences a side). Options: <c>--max-full-lattice N</c>, <c>--band-width N</c>, <c>--max-bead-size N</c>. Times are the best of the repeats, wall clock and processor time (the
/// latter is steadier on a busy machine), and the wall clock of the first run, which pays for compiling the
/// code as a fresh process would. Usage: <c>alignment [--shared DIR] [--repeat N] [--verbose] [--synthetic SIZES] [--process EXECUTABLE]</c>
/// (<c>--process</c> also times a <c>bilingual</c> executable aligning the Text+Berg pair and the 7-document
/// look-alike of the Text+Berg test job, <see cref="AlignmentLookalike"/>, as fresh processes). Every document
/// gets a line of its own: its score, its best time and the lattice points and beads its search visited.
/// (<c>--verbose</c> prints each document's similarity calibration to standard error).
/// </summary>
public static class AlignmentBenchmark
{
    /// <summary>Runs the benchmark and prints a table; returns 0, or 2 when the data is missing.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var shared = Option(args, "--shared") ?? FindShared();
        var repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        if (shared is null || !Directory.Exists(Path.Combine(shared, "data", "align")))
        {
            Console.Error.WriteLine("alignment: ../shared/data/align not found (pass --shared DIR)");
            return 2;
        }

        // The align job as `bilingual align --presegmented` runs it, with the search settings given here on top of the usual configuration.
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (flag, key) in new[] { ("--max-full-lattice", "MaxFullLattice"), ("--band-width", "BandWidth"), ("--max-bead-size", "MaxBeadSize") })
        {
            if (Option(args, flag) is { } value)
            {
                overrides[$"{AlignmentOptions.SectionName}:{key}"] = value;
            }
        }

        using var services = BilingualConfiguration.BuildServices(BilingualConfiguration.Build(overrides));
        var aligner = new JobRunner(services.GetRequiredService<IAlignmentJob>());
        var rows = new List<string[]>();
        var documents = new List<string[]>();
        var textberg = Path.Combine(shared, "data", "align", "textberg-dev");
        var textbergPair = new[] { (Path.Combine(textberg, "dev.de"), Path.Combine(textberg, "dev.fr"), Path.Combine(textberg, "dev.de2fr.google"), Path.Combine(textberg, "dev.defr"), (string?)Path.Combine(textberg, "dev.fr2de.google")) };
        var mac = Path.Combine(shared, "data", "align", "mac-dev");
        var macPairs = Directory.GetFiles(mac, "*.gold").Order(StringComparer.Ordinal)
            .Select(g => (Path.ChangeExtension(g, ".zh"), Path.ChangeExtension(g, ".en"), Path.ChangeExtension(g, ".zh2en.google"), g, (string?)null))
            .ToArray();
        var folder = Directory.CreateTempSubdirectory("bilingual-lookalike-");
        try
        {
            var (dev, devTarget, devBridge, devGold, devReverse) = textbergPair[0];
            var lookalike = AlignmentLookalike.Write(dev, devTarget, devBridge, devGold, devReverse!, folder.FullName);
            foreach (var (name, pairs) in new[] { ("textberg-dev", textbergPair), ("mac-dev", macPairs), ("textberg-7", lookalike) })
            {
                // Both directions where the set has a reverse bridge (Text+Berg's fr2de), then the forward bridge, then none.
                var modes = pairs.All(p => p.Item5 is not null) ? new[] { Bridges.Both, Bridges.Forward, Bridges.None } : [Bridges.Forward, Bridges.None];
                foreach (var bridges in modes)
                {
                    var (row, perDocument) = Measure(aligner, name, pairs, bridges, repeat, args);
                    rows.Add(row);
                    documents.AddRange(perDocument);
                }
            }

            foreach (var size in (Option(args, "--synthetic") ?? "1000,10000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)))
            {
                var (row, perDocument) = Synthetic(aligner, size, repeat);
                rows.Add(row);
                documents.Add(perDocument);
            }

            Print(["set", "bridge", "sentences", "P strict", "R strict", "F1 strict", "F1 lax", "F1 per doc: mean", "sd", "min", "max", "wall s", "cpu s", "first s", "alloc MB", "alloc KB/sentence"], rows);
            Console.WriteLine();
            Print(["document", "bridge", "sentences", "F1 strict", "F1 lax", "best ms", "µs/sentence", "cells", "cells/sentence", "beads scored", "beads/sentence"], documents);
            if (Option(args, "--process") is { } executable)
            {
                WholeProcess(executable, "textberg-dev", textbergPair, repeat);
                WholeProcess(executable, "textberg-7 look-alike", lookalike, repeat);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// Times <c>EXECUTABLE align --pairs LIST --presegmented</c> on the pairs (with their bridges) as fresh
    /// processes: start-up, reading, aligning and writing the bead files, as a user runs it. Prints the best and
    /// the first run's wall time and the least processor time of a run (the child's user and system time), which
    /// a busy machine disturbs less.
    /// </summary>
    private static void WholeProcess(string executable, string name, (string Source, string Target, string Bridge, string Gold, string? ReverseBridge)[] pairs, int repeat)
    {
        var folder = Directory.CreateTempSubdirectory("bilingual-align-");
        try
        {
            var list = Path.Combine(folder.FullName, "pairs.tsv");
            File.WriteAllLines(list, pairs.Select((p, k) => string.Join('\t', p.Source, p.Target, p.Bridge, Path.Combine(folder.FullName, $"{k}.beads"))));
            var times = new List<double>();
            var cpuTimes = new List<double>();
            for (var r = 0; r < Math.Max(1, repeat); r++)
            {
                var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { "align", "--pairs", list, "--presegmented" })
                {
                    start.ArgumentList.Add(argument);
                }

                var cpu = ChildProcessTime.Seconds();
                var clock = Stopwatch.StartNew();
                using var process = Process.Start(start)!;
                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                times.Add(clock.Elapsed.TotalSeconds);
                cpuTimes.Add(ChildProcessTime.Seconds() - cpu);
                if (process.ExitCode != 0)
                {
                    Console.Error.WriteLine($"{executable} exited with {process.ExitCode}");
                    return;
                }
            }

            Console.WriteLine($"whole process ({Path.GetFileName(executable)} align --pairs, {pairs.Length} pair(s), {name} with bridge, {times.Count} runs): best {Seconds(times.Min())} s wall, {Seconds(cpuTimes.Min())} s cpu; first {Seconds(times[0])} s");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (string[] Row, List<string[]> Documents) Measure(JobRunner aligner, string name, (string Source, string Target, string Bridge, string Gold, string? ReverseBridge)[] pairs, Bridges bridges, int repeat, string[] args)
    {
        var score = AlignmentScore.Empty;
        var seconds = double.MaxValue;
        var cpuSeconds = double.MaxValue;
        var firstSeconds = 0.0;
        var sentences = 0;
        var allocated = 0L;
        var best = new double[pairs.Length];
        Array.Fill(best, double.MaxValue);
        var results = new (AlignmentScore Score, int Sentences, SearchCounts Searched)[pairs.Length];
        for (var r = 0; r < repeat; r++)
        {
            // Whole job as the command does it: read the files, align, format the beads.
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var run = AlignmentScore.Empty;
            sentences = 0;
            for (var d = 0; d < pairs.Length; d++)
            {
                var (source, target, bridge, gold, reverse) = pairs[d];
                var withBridge = bridges != Bridges.None;
                var documentClock = Stopwatch.StartNew();
                var (beads, sentenceCount, searched) = aligner.Align(source, target, withBridge ? bridge : null, bridges == Bridges.Both ? reverse : null);
                best[d] = Math.Min(best[d], documentClock.Elapsed.TotalSeconds);
                if (r == 0 && args.Contains("--verbose"))
                {
                    var model = new AlignmentModel(File.ReadAllLines(source), File.ReadAllLines(target), withBridge ? File.ReadAllLines(bridge) : null, new AlignmentOptions());
                    Console.Error.WriteLine($"{Path.GetFileName(gold)} bridge={bridges}: {model.Calibration}");
                    PrintShapes(BeadFormat.Read(gold), beads);
                }

                var documentScore = AlignmentScore.Score(BeadFormat.Read(gold), beads);
                results[d] = (documentScore, sentenceCount, searched);
                run = run.Add(documentScore);
                sentences += sentenceCount;
            }

            seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
            cpuSeconds = Math.Min(cpuSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            firstSeconds = r == 0 ? clock.Elapsed.TotalSeconds : firstSeconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            score = run;
        }

        var bridgeName = bridges switch { Bridges.Both => "google both ways", Bridges.Forward => "google", _ => "none" };
        var documents = new List<string[]>();
        for (var d = 0; d < pairs.Length; d++)
        {
            var document = pairs.Length == 1 ? name : $"{name} {Path.GetFileNameWithoutExtension(pairs[d].Gold)}";
            documents.Add(DocumentRow(document, bridgeName, results[d].Sentences, results[d].Score, best[d], results[d].Searched));
        }

        // Mean and spread of the documents' strict F1, each document counted once whatever its length.
        var f1 = results.Select(x => x.Score.F1Strict).ToArray();
        var mean = f1.Average();
        var deviation = f1.Length > 1 ? Math.Sqrt(f1.Sum(x => (x - mean) * (x - mean)) / (f1.Length - 1)) : 0;
        return ([name, bridgeName, sentences.ToString(CultureInfo.InvariantCulture),
            F(score.PrecisionStrict), F(score.RecallStrict), F(score.F1Strict), F(score.F1Lax), F(mean), F(deviation), F(f1.Min()), F(f1.Max()),
            Seconds(seconds), Seconds(cpuSeconds), Seconds(firstSeconds), .. Allocation(allocated, sentences)], documents);
    }

    /// <summary>One document's line: its score, its best time and how much the search visited, per sentence too.</summary>
    private static string[] DocumentRow(string name, string bridge, int sentences, AlignmentScore score, double seconds, SearchCounts searched) =>
        [name, bridge, sentences.ToString(CultureInfo.InvariantCulture), F(score.F1Strict), F(score.F1Lax),
            (seconds * 1e3).ToString("0.0", CultureInfo.InvariantCulture),
            (seconds * 1e6 / Math.Max(1, sentences)).ToString("0", CultureInfo.InvariantCulture),
            searched.Cells.ToString(CultureInfo.InvariantCulture),
            (searched.Cells / (double)Math.Max(1, sentences)).ToString("0", CultureInfo.InvariantCulture),
            searched.Beads.ToString(CultureInfo.InvariantCulture),
            (searched.Beads / (double)Math.Max(1, sentences)).ToString("0", CultureInfo.InvariantCulture)];

    /// <summary>A synthetic pair: random sentences, a target with a word in six replaced and a split, merge, drop or insertion every 25 sentences.</summary>
    private static (string[] Row, string[] Document) Synthetic(JobRunner aligner, int size, int repeat)
    {
        var random = new Random(20230401);
        var vocabulary = Enumerable.Range(0, 5000).Select(k => Word(random, k)).ToArray();
        var source = new List<string>();
        var target = new List<string>();
        var gold = new List<Bead>();
        for (var i = 0; i < size; i++)
        {
            var words = Enumerable.Range(0, random.Next(4, 30)).Select(_ => vocabulary[(int)Math.Pow(random.Next(1, 5000), 0.9) % 5000]).ToArray();
            source.Add(string.Join(' ', words) + ".");
            var translated = string.Join(' ', words.Select(w => random.Next(6) == 0 ? vocabulary[random.Next(5000)] : w)) + ".";
            var kind = i % 25 == 12 ? random.Next(3) : -1;
            if (kind == 0 && translated.Length > 20)
            {
                var cut = translated.IndexOf(' ', translated.Length / 2);
                target.Add(translated[..cut] + ".");
                target.Add(translated[(cut + 1)..]);
                gold.Add(new Bead([i], [target.Count - 2, target.Count - 1], 1));
            }
            else if (kind == 1)
            {
                gold.Add(new Bead([i], [], 1));
            }
            else
            {
                target.Add(translated);
                gold.Add(new Bead([i], [target.Count - 1], 1));
            }
        }

        var seconds = double.MaxValue;
        var cpuSeconds = double.MaxValue;
        var firstSeconds = 0.0;
        var score = AlignmentScore.Empty;
        var allocated = 0L;
        var searched = default(SearchCounts);
        var folder = Directory.CreateTempSubdirectory("bilingual-synthetic-");
        var sourcePath = Path.Combine(folder.FullName, "source.txt");
        var targetPath = Path.Combine(folder.FullName, "target.txt");
        File.WriteAllLines(sourcePath, source);
        File.WriteAllLines(targetPath, target);
        for (var r = 0; r < repeat; r++)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            (var beads, _, searched) = aligner.Align(sourcePath, targetPath, null);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
            cpuSeconds = Math.Min(cpuSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            firstSeconds = r == 0 ? clock.Elapsed.TotalSeconds : firstSeconds;
            score = AlignmentScore.Score(gold, beads);
        }

        folder.Delete(recursive: true);

        var sentences = source.Count + target.Count;
        return ([$"synthetic-{size}", "none", sentences.ToString(CultureInfo.InvariantCulture),
            F(score.PrecisionStrict), F(score.RecallStrict), F(score.F1Strict), F(score.F1Lax), F(score.F1Strict), F(0), F(score.F1Strict), F(score.F1Strict),
            Seconds(seconds), Seconds(cpuSeconds), Seconds(firstSeconds), .. Allocation(allocated, sentences)],
            DocumentRow($"synthetic-{size}", "none", sentences, score, seconds, searched));
    }

    /// <summary>Bytes allocated by one run, in MB and in KB per sentence: the second stays flat when memory grows linearly.</summary>
    private static string[] Allocation(long bytes, int sentences) =>
        [(bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture), (bytes / 1e3 / Math.Max(1, sentences)).ToString("0.0", CultureInfo.InvariantCulture)];

    /// <summary>For each bead shape: how many the gold has, how many the test has, how many of the test's are gold (strict hits).</summary>
    private static void PrintShapes(IReadOnlyList<Bead> gold, IReadOnlyList<Bead> test)
    {
        var goldKeys = gold.Select(Key).ToHashSet(StringComparer.Ordinal);
        var shapes = gold.Select(b => b.Kind).Concat(test.Select(b => b.Kind)).Distinct().Order(StringComparer.Ordinal);
        Console.Error.WriteLine("  " + string.Join("  ", shapes.Select(kind =>
            $"{kind}: gold {gold.Count(b => b.Kind == kind)} test {test.Count(b => b.Kind == kind)} hit {test.Count(b => b.Kind == kind && goldKeys.Contains(Key(b)))}")));
    }

    private static string Key(Bead bead) => string.Join(',', bead.Source) + ":" + string.Join(',', bead.Target);

    private static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Word(Random random, int k)
    {
        var length = 2 + (k % 9);
        return string.Create(length, random, (span, r) =>
        {
            for (var c = 0; c < span.Length; c++)
            {
                span[c] = (char)('a' + r.Next(26));
            }
        });
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void Print(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
        Console.WriteLine("| " + string.Join(" | ", header.Select((h, c) => h.PadRight(widths[c]))) + " |");
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((v, c) => c < 2 ? v.PadRight(widths[c]) : v.PadLeft(widths[c]))) + " |");
        }
    }

    private static string? Option(string[] args, string name)
    {
        var k = Array.IndexOf(args, name);
        return k >= 0 && k + 1 < args.Length ? args[k + 1] : null;
    }

    private static string? FindShared()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Bilingual.sln")))
                {
                    return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
                }
            }
        }

        return null;
    }

    /// <summary>Which machine translations a set is aligned with: none, the source's into the target language, or that and the target's into the source language.</summary>
    private enum Bridges
    {
        None,
        Forward,
        Both,
    }

    /// <summary>The align job on presegmented files, its beads formatted as the command writes them.</summary>
    internal sealed class JobRunner(IAlignmentJob job)
    {
        // "und" (BCP 47: undetermined): the benchmark pairs have no lexicon, as with a language pair none covers.
        private static readonly AlignmentSettings Settings = new("und", "und", Presegmented: true);

        /// <summary>Reads and aligns a pair; returns the beads, the number of sentences on both sides and what the search visited.</summary>
        public (IReadOnlyList<Bead> Beads, int Sentences, SearchCounts Searched) Align(string source, string target, string? bridge, string? reverseBridge = null)
        {
            var aligned = job.AlignAsync(new AlignmentPair(source, target, bridge, ReverseBridge: reverseBridge), Settings, CancellationToken.None).GetAwaiter().GetResult();
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            job.WriteAsync(aligned, Settings, null, output, CancellationToken.None).GetAwaiter().GetResult();
            return ([.. aligned.Alignment.Beads], aligned.Source.SentenceCount + aligned.Target.SentenceCount, aligned.Alignment.Searched);
        }
    }
}
