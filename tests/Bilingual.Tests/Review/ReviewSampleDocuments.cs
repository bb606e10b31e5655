using Bilingual.Core.Documents;
using Bilingual.Tests.Writing;

namespace Bilingual.Tests.Review;

/// <summary>Aligned documents for the review page and review workflow tests.</summary>
internal static class ReviewSampleDocuments
{
    /// <summary>
    /// The writers' sample (the article with its faithful translation, all 1-1) with confidences spread over
    /// the three colour bands and the cache figures of a second run.
    /// </summary>
    public static BilingualDocument Belarus()
    {
        var document = SampleDocuments.Belarus();
        var row = 0;
        return document with
        {
            Paragraphs = [.. document.Paragraphs.Select(p => p with { Beads = [.. p.Beads.Select(b => b with { Confidence = Confidence(row++) })] })],
            Provenance = document.Provenance with { BackendCalls = 2, CacheHits = 10 },
        };
    }

    /// <summary>
    /// <see cref="Belarus"/> with the mistakes review exists for: a wrong year (row 3), a glossary term left
    /// in Dutch (row 1), a 2-1 merge in the "Kernwapens" section and a dropped closing quote.
    /// </summary>
    public static BilingualDocument BelarusWithIssues()
    {
        var document = Belarus();
        var paragraphs = document.Paragraphs.ToList();
        paragraphs[0] = ReplaceTarget(paragraphs[0], 0, "No foreign leader has met Russian President Poetin as often as the Belarusian dictator Alexander Lukashenko.");
        paragraphs[1] = ReplaceTarget(paragraphs[1], 0, "Under a 1995 treaty, the two countries already form a union, but on closer inspection Lukashenko declined the planned introduction of a single currency and the merger of legal institutions and parliaments.");
        // Paragraph 4 (after the heading): the last two source sentences merged into one target sentence.
        var p = paragraphs[4];
        string[] merged =
        [
            p.TargetSegments[0].Text,
            "Exactly which ones, how many and from when is not entirely clear, but Putin expects it to happen by 1 July.",
        ];
        paragraphs[4] = Paragraph(p.Index, false, p.SourceSegments.Select(s => s.Text).ToList(), merged,
            [new Bead([0], [0], 0.91), new Bead([1, 2], [1], 0.42)]);
        paragraphs[5] = ReplaceTarget(paragraphs[5], 2, "\"We will not hesitate to defend our countries, our states, our peoples.");
        return document with { Paragraphs = paragraphs };
    }

    /// <summary>
    /// <see cref="BelarusWithIssues"/> with a last paragraph whose tokens are longer than a phone's line: a web
    /// address and a compound noun, the only text the page may break inside a word.
    /// </summary>
    public static BilingualDocument WithLongTokens()
    {
        var document = BelarusWithIssues();
        var index = document.Paragraphs.Count;
        AlignedParagraph tokens = Paragraph(
            index,
            false,
            ["Het volledige verdrag staat op example.org/archief/2023/04/unieverdrag-belarus-rusland-kernwapens-volledige-tekst-met-bijlagen.html bij de Donaudampfschifffahrtsgesellschaftskapiteinsweduwenpensioenfondsadministratie."],
            ["The full treaty is at example.org/archief/2023/04/unieverdrag-belarus-rusland-kernwapens-volledige-tekst-met-bijlagen.html with the Danube-steamship-company-captains-widows-pension-fund administration."],
            [new Bead([0], [0], 0.93)]);
        return document with { Paragraphs = [.. document.Paragraphs, tokens] };
    }

    /// <summary>
    /// Text that breaks naive pages, with the bead types the writers' own hostile sample lacks: markup, entities, quotes, control characters, a line separator,
    /// a 2-1, a 0-1 and a 1-0 bead; the target is flagged as a word-by-word gloss.
    /// </summary>
    public static BilingualDocument Hostile()
    {
        AlignedParagraph[] paragraphs =
        [
            Paragraph(0, true, ["<script>alert(1)</script>"], ["<script>alert(\"x\")</script>"], [new Bead([0], [0], 0.97)]),
            Paragraph(
                1,
                false,
                ["Zij zei: \"A & B\" </td><td>kapot.", "Tweede zin met &amp; entiteit en </script><!-- commentaar."],
                ["She said: \"A & B\" </td><td>broken, second sentence with &amp; entity and </script><!-- comment.", "Added sentence with control \u0001 and \u0007 characters\u2028here."],
                [new Bead([0, 1], [0], 0.64), new Bead([], [1], 0.2)]),
            Paragraph(
                2,
                false,
                ["Weggelaten zin met ‘aanhalingstekens’ & 'quotes'.", "Laatste zin met <b>vet</b> en 'apostrof' in 1.000 euro."],
                ["Last sentence with <b>bold</b> and 'apostrophe' in 1,000 euros."],
                [new Bead([0], [], 0.33), new Bead([1], [0], 0.88)]),
        ];
        return new BilingualDocument(
            "hostile", "nl", "en", new ArticleMetadata("2023-04"), paragraphs,
            new Provenance("offline", "freedict <1.0> & \"more\"", IsGloss: true, BackendCalls: 1, CacheHits: 0), SampleDocuments.CreatedAt);
    }

    /// <summary>Builds a paragraph whose texts are the sentences joined by single spaces.</summary>
    public static AlignedParagraph Paragraph(int index, bool heading, IReadOnlyList<string> source, IReadOnlyList<string> target, IReadOnlyList<Bead> beads) =>
        new(index, heading, string.Join(' ', source), string.Join(' ', target), Segments(source), Segments(target), beads);

    /// <summary>The segments of <paramref name="sentences"/> joined by single spaces.</summary>
    public static IReadOnlyList<Segment> Segments(IReadOnlyList<string> sentences) =>
        [.. sentences.Select((sentence, i) => new Segment(i, sentences.Take(i).Sum(s => s.Length + 1), sentence))];

    private static AlignedParagraph ReplaceTarget(AlignedParagraph paragraph, int sentence, string text)
    {
        var sentences = paragraph.TargetSegments.Select(s => s.Text).ToArray();
        sentences[sentence] = text;
        return Paragraph(paragraph.Index, paragraph.IsHeading, paragraph.SourceSegments.Select(s => s.Text).ToList(), sentences, paragraph.Beads);
    }

    // A spread of confidences so that every colour band shows: mostly high, some medium, a few low.
    private static double Confidence(int row) => (row % 7) switch
    {
        3 => 0.62,
        5 => 0.38,
        _ => 0.97 - (row % 4 * 0.03),
    };
}
