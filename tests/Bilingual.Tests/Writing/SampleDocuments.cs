using Bilingual.Core.Documents;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Writing;

/// <summary>Aligned documents for the writer tests, built from the sample's fixtures or by hand.</summary>
internal static class SampleDocuments
{
    /// <summary>The name of the sample article (its seed file name without extension).</summary>
    public const string BelarusName = "000_e36221037867b85e";

    /// <summary>A fixed creation time, so outputs are byte-for-byte reproducible.</summary>
    public static readonly DateTimeOffset CreatedAt = new(2023, 4, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The source and target sentences of <see cref="Hostile"/> as every output must show them: XML-illegal characters gone, the rest verbatim.</summary>
    public static readonly IReadOnlyList<(string Source, string Target)> HostileExpected =
    [
        ("Kop & <kolom>", "Heading & <column>"),
        ("Zij schreef <script>alert(\"x\")</script> in de kop.", "She wrote <script>alert(\"x\")</script> in the headline."),
        ("Een cel </td></tr></table> sluit & opent &amp; meer.", "A cell </td></tr></table> closes & opens &amp; more."),
        ("Hij zei \"ja\" en 'nee' ]]> klaar.", "He said \"yes\" and 'no' ]]> done."),
        ("Stuur tekens weg nu.", "Control characters go away."),
        ("Lach 😀 om 10 < 20 > 5.", "Laugh 😀 at 10 < 20 > 5."),
    ];

    /// <summary>
    /// The sample article aligned with its faithful English translation: 12 paragraphs (two headings),
    /// 29 sentences a side, every bead 1-1, machine translated by <c>azure</c>, date <c>2023-04</c>.
    /// </summary>
    public static BilingualDocument Belarus()
    {
        var source = Paragraphs(TestPaths.Fixture("belarus-2023-04", "source.nl.sentences"));
        var target = Paragraphs(TestPaths.Fixture("belarus-2023-04", "reference.en.sentences"));
        var paragraphs = source.Select((sentences, p) => Paragraph(
            p,
            sentences,
            target[p],
            [.. sentences.Select((_, s) => new Bead([s], [s], 0.9))]));
        return Document(BelarusName, [.. paragraphs], new Provenance("azure", "3.0", IsGloss: false));
    }

    /// <summary>
    /// The sample article aligned with the English edition an editor published (one 1-2, two 2-1, one 1-0
    /// and one 0-1 bead), from the gold alignment; the target is a human translation.
    /// </summary>
    public static BilingualDocument BelarusEdition()
    {
        var source = Paragraphs(TestPaths.Fixture("belarus-2023-04", "source.nl.sentences"));
        var target = Paragraphs(TestPaths.Fixture("belarus-2023-04", "edition.en.sentences"));
        var gold = File.ReadLines(TestPaths.Fixture("belarus-2023-04", "gold.align"))
            .Where(line => line.Length > 0)
            .Select(ParseBead)
            .ToList();
        var paragraphs = new List<AlignedParagraph>();
        int sourceOffset = 0, targetOffset = 0;
        for (var p = 0; p < source.Count; p++)
        {
            int sourceEnd = sourceOffset + source[p].Count, targetEnd = targetOffset + target[p].Count;
            int so = sourceOffset, to = targetOffset;
            var beads = gold
                .Where(b => b.Source.Count > 0 ? b.Source[0] >= so && b.Source[0] < sourceEnd : b.Target[0] >= to && b.Target[0] < targetEnd)
                .Select(b => new Bead([.. b.Source.Select(i => i - so)], [.. b.Target.Select(i => i - to)], 0.75))
                .ToList();
            paragraphs.Add(Paragraph(p, source[p], target[p], beads));
            (sourceOffset, targetOffset) = (sourceEnd, targetEnd);
        }

        return Document(BelarusName, paragraphs, new Provenance("human", "edition", IsGloss: false));
    }

    /// <summary>
    /// A short document whose text is hostile to markup and XML: tags, <c>&amp;</c>, quotes, <c>]]&gt;</c>,
    /// C0 control characters, U+FFFE/U+FFFF and lone surrogates, next to an emoji that must survive.
    /// Every bead is 1-1; <see cref="HostileExpected"/> gives what must come back.
    /// </summary>
    public static BilingualDocument Hostile()
    {
        string[][] source =
        [
            ["Kop & <kolom>"],
            ["Zij schreef <script>alert(\"x\")</script> in de kop.", "Een cel </td></tr></table> sluit & opent &amp; meer."],
            ["Hij zei \"ja\" en 'nee' ]]> klaar.", "Stuur \u0001tekens \u0000weg\u000B\uFFFE\uD800 nu.\u001F", "Lach 😀 om 10 < 20 > 5."],
        ];
        string[][] target =
        [
            ["Heading & <column>"],
            ["She wrote <script>alert(\"x\")</script> in the headline.", "A cell </td></tr></table> closes & opens &amp; more."],
            ["He said \"yes\" and 'no' ]]> done.", "Control \u0001characters \u0000go\u000B\uFFFF\uDC00 away.\u0008", "Laugh 😀 at 10 < 20 > 5."],
        ];
        var paragraphs = source.Select((sentences, p) => Paragraph(
            p,
            sentences,
            target[p],
            [.. sentences.Select((_, s) => new Bead([s], [s], 0.5))]));
        return Document("hostile", [.. paragraphs], new Provenance("offline", "freedict <nld-eng> & \"2024\"", IsGloss: false));
    }

    /// <summary>A copy of <paramref name="document"/> where bead <paramref name="bead"/> of paragraph <paramref name="paragraph"/> carries <paramref name="review"/>.</summary>
    public static BilingualDocument WithReview(BilingualDocument document, int paragraph, int bead, ReviewMark review) =>
        document with
        {
            Paragraphs = [.. document.Paragraphs.Select(p => p.Index != paragraph ? p : p with
            {
                Beads = [.. p.Beads.Select((b, i) => i == bead ? b with { Review = review } : b)],
            })],
        };

    /// <summary>One sentence a line, a blank line between paragraphs.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string path)
    {
        var paragraphs = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in File.ReadLines(path).Append(""))
        {
            if (line.Trim().Length > 0)
            {
                current.Add(line.Trim());
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(current);
                current = [];
            }
        }

        return paragraphs;
    }

    private static BilingualDocument Document(string name, IReadOnlyList<AlignedParagraph> paragraphs, Provenance provenance) =>
        new(name, "nl", "en", new ArticleMetadata("2023-04"), paragraphs, provenance, CreatedAt);

    private static AlignedParagraph Paragraph(int index, IReadOnlyList<string> source, IReadOnlyList<string> target, IReadOnlyList<Bead> beads) =>
        new(index, IsHeading(source), string.Join(' ', source), string.Join(' ', target), Segments(source), Segments(target), beads);

    // A heading is a single short line without final sentence punctuation ("Kernwapens", "Sovjet-Unie 2.0").
    private static bool IsHeading(IReadOnlyList<string> sentences) =>
        sentences.Count == 1 && sentences[0].Length < 60 && !".!?:;”’\"'…".Contains(sentences[0][^1], StringComparison.Ordinal);

    private static List<Segment> Segments(IReadOnlyList<string> sentences)
    {
        var segments = new List<Segment>();
        var start = 0;
        foreach (var sentence in sentences)
        {
            segments.Add(new Segment(segments.Count, start, sentence));
            start += sentence.Length + 1;
        }

        return segments;
    }

    // Vecalign's bead format: "[8, 9]:[9]", "[14]:[]".
    private static (IReadOnlyList<int> Source, IReadOnlyList<int> Target) ParseBead(string line)
    {
        var sides = line.Split(':');
        return (Indices(sides[0]), Indices(sides[1]));

        static int[] Indices(string side) =>
            [.. side.Trim('[', ']', ' ').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
