using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bilingual.Core.Segmentation;
using Microsoft.Extensions.Options;

namespace Bilingual.Benchmarks;

/// <summary>
/// Sentence segmentation throughput on one core: a few MB of Dutch and English news paragraphs (the
/// sample article's and the segmentation traps'), and one 1 MB paragraph, through the built-in rules
/// and, when <c>../shared</c> is there, the two real SRX files. Usage: <c>segmentation [--mb N]</c>.
/// </summary>
public static class SegmentationBenchmark
{
    private static readonly string[] Dutch =
    [
        "Geen buitenlandse leider heeft de Russische president Poetin zo vaak gezien als de Belarussische dictator Aleksander Loekasjenko. Woensdag en donderdag was hij weer eens in het Kremlin, nog maar drie maanden na Poetins bezoek aan Loekasjenko in Minsk.",
        "Volgens prof. dr. M.J. de Vries (Universiteit Leiden) kwamen o.a. 1.000 mensen op 1 jan. 2023 om 12.30 uur bijeen, d.w.z. ca. 3,5 procent meer dan in 2022. Zie blz. 12 van het rapport, nr. 4.",
        "De Belarussische president sprak van een signaal aan de ‘schoften buiten onze grenzen’. “We zullen niet aarzelen om onze landen, onze staten, onze volken te verdedigen.” Meer op www.nos.nl. Reacties naar redactie@nrc.nl.",
        "Belarus voldoet als enige land aan Poetins ideeën over een Euraziatisch verbond van landen onder Russische leiding, een soort Sovjet-Unie 2.0. Zo’n verbond bestaat al… En het groeit? Niemand weet het!",
    ];

    private static readonly string[] English =
    [
        "No foreign leader has met Russian President Putin as often as the Belarusian dictator Alexander Lukashenko. On Wednesday and Thursday he was back in the Kremlin, only three months after Putin's visit to Lukashenko in Minsk.",
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store. I live in the U.S. How about you? See No. 5, e.g. the one on p. 55.",
        "The Belarusian president spoke of a signal to the 'scoundrels beyond our borders'. \"We will not hesitate to defend our countries, our states, our peoples.\" Read more at https://example.com/news.html. Write to desk@example.com.",
        "Belarus is the only country that fits Putin's ideas of a Eurasian alliance, a kind of Soviet Union 2.0. Such an alliance already exists... Will it grow? Nobody knows!",
    ];

    /// <summary>Runs the benchmark and prints a table; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        var megabytes = 4;
        var index = Array.IndexOf(args ?? [], "--mb");
        if (index >= 0 && index + 1 < args!.Length && !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out megabytes))
        {
            Console.Error.WriteLine("segmentation: --mb takes a whole number of megabytes");
            return 2;
        }

        var builtIn = new RuleBasedSentenceSegmenter(Options.Create(new SegmentationOptions()));
        var rows = new List<string[]>();
        foreach (var (language, sentences) in new[] { ("nl", Dutch), ("en", English) })
        {
            rows.Add(Measure("built-in", language, $"{megabytes} MB of paragraphs", builtIn, Paragraphs(sentences, megabytes << 20)));
            rows.Add(Measure("built-in", language, "one 1 MB paragraph", builtIn, [OneParagraph(sentences, 1 << 20)]));
        }

        var shared = FindShared();
        foreach (var file in new[] { "okapi-defaultSegmentation.srx", "languagetool-segment.srx" })
        {
            var path = shared is null ? null : Path.Combine(shared, "data", "segmentation", file);
            if (path is null || !File.Exists(path))
            {
                Console.WriteLine($"(skipping {file}: ../shared/data/segmentation is absent)");
                continue;
            }

            var load = Stopwatch.StartNew();
            var srx = SrxSentenceSegmenter.Load(path, TimeSpan.FromSeconds(30));
            Console.WriteLine($"{file}: loaded and compiled in {load.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
            foreach (var (language, sentences) in new[] { ("nl", Dutch), ("en", English) })
            {
                rows.Add(Measure(Path.GetFileNameWithoutExtension(file), language, "256 KB of paragraphs", srx, Paragraphs(sentences, 256 << 10)));
            }
        }

        // Wall-clock figures suffer when other processes share the core; CPU seconds are this process's
        // own processor time, the better measure of single-core throughput on a busy machine.
        Print(["segmenter", "lang", "input", "MB", "wall s", "MB/s wall", "CPU s", "MB/s CPU", "segments"], rows);
        return 0;
    }

    private static string[] Measure(string name, string language, string input, ISentenceSegmenter segmenter, List<string> paragraphs)
    {
        // Warm up until the JIT has promoted the hot loops (tiered compilation needs repeated calls and
        // ~100 ms), then take the best of three timed passes.
        var warmUp = Stopwatch.StartNew();
        do
        {
            foreach (var paragraph in paragraphs.Take(200))
            {
                segmenter.Split(paragraph, language);
            }
        }
        while (warmUp.ElapsedMilliseconds < 500);

        var bytes = paragraphs.Sum(p => (long)Encoding.UTF8.GetByteCount(p));
        var segments = 0L;
        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var pass = 0; pass < 3; pass++)
        {
            segments = 0;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var paragraph in paragraphs)
            {
                segments += segmenter.Split(paragraph, language).Count;
            }

            best = clock.Elapsed < best ? clock.Elapsed : best;
            process.Refresh();
            bestCpu = process.TotalProcessorTime - cpu < bestCpu ? process.TotalProcessorTime - cpu : bestCpu;
        }

        var seconds = best.TotalSeconds;
        var cpuSeconds = Math.Max(bestCpu.TotalSeconds, 1e-3);
        var mb = bytes / (1024.0 * 1024.0);
        return
        [
            name, language, input, mb.ToString("0.00", CultureInfo.InvariantCulture),
            seconds.ToString("0.000", CultureInfo.InvariantCulture),
            (mb / seconds).ToString("0.0", CultureInfo.InvariantCulture),
            cpuSeconds.ToString("0.000", CultureInfo.InvariantCulture),
            (mb / cpuSeconds).ToString("0.0", CultureInfo.InvariantCulture),
            segments.ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>Paragraphs of two to four samples each, rotating through the samples, up to <paramref name="size"/> characters.</summary>
    private static List<string> Paragraphs(string[] samples, int size)
    {
        var paragraphs = new List<string>();
        var total = 0;
        for (var i = 0; total < size; i++)
        {
            var paragraph = string.Join(' ', Enumerable.Range(0, 2 + (i % 3)).Select(k => samples[(i + k) % samples.Length]));
            paragraphs.Add(paragraph);
            total += paragraph.Length;
        }

        return paragraphs;
    }

    private static string OneParagraph(string[] samples, int size)
    {
        var text = new StringBuilder(size + 512);
        for (var i = 0; text.Length < size; i++)
        {
            text.Append(samples[i % samples.Length]).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private static string? FindShared()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bilingual.sln")))
            {
                var shared = Path.Combine(directory.FullName, "..", "shared");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }

        return null;
    }

    private static void Print(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
        Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join(" | ", row.Select((c, i) => i >= 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))));
        }
    }
}
