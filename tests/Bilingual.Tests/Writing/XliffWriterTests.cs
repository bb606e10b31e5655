using System.Text;
using System.Xml.Linq;
using Bilingual.Core.Documents;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Writing;

public sealed class XliffWriterTests : DocumentWriterContractTests
{
    private const string GoldenName = "belarus-2023-04-reviewed.xlf";

    private static readonly XNamespace X = XliffWriter.Namespace;

    private static readonly Provenance Gloss = new("offline", "freedict", IsGloss: true);

    protected override IDocumentWriter CreateWriter() => new XliffWriter();

    protected override string ExpectedFileName(BilingualDocument document) => $"{document.Name}.xlf";

    protected override async Task<string> ReadBackTextAsync(string path)
    {
        var xliff = XDocument.Parse(await File.ReadAllTextAsync(path));
        return string.Join('\n', xliff.Descendants(X + "trans-unit").Select(u => u.Element(X + "target")!.Value));
    }

    /// <summary>
    /// Compares the XLIFF of the edition (splits, merges, gaps, a query, an acceptance) with the golden file. To
    /// accept a deliberate change, run the tests with <c>BILINGUAL_UPDATE_GOLDEN=1</c>: the golden file is rewritten.
    /// </summary>
    [Fact]
    public void Render_ReviewedEdition_MatchesGoldenFile()
    {
        var actual = Encoding.UTF8.GetString(new XliffWriter("1.0.0-test").Render(XliffAcceptanceTests.Document("belarus-reviewed-flagged")));

        GoldenFile.AssertMatches(GoldenName, actual);
    }

    [Fact]
    public void Render_Sample_StartsWithDeclarationInTheXliff12Namespace()
    {
        var text = Encoding.UTF8.GetString(new XliffWriter().Render(SampleDocuments.Belarus()));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">", text, StringComparison.Ordinal);
        var file = Parse(SampleDocuments.Belarus()).Root!.Element(X + "file")!;
        Assert.Equal(($"{SampleDocuments.BelarusName}.txt", "nl", "en", "plaintext", "2023-04-14T09:30:00Z"), (
            (string?)file.Attribute("original"), (string?)file.Attribute("source-language"), (string?)file.Attribute("target-language"),
            (string?)file.Attribute("datatype"), (string?)file.Attribute("date")));
    }

    [Fact]
    public void Render_Sample_OneUnitPerParagraphWithStableIdsAndMatchingMids()
    {
        var document = SampleDocuments.Belarus();

        var units = Parse(document).Descendants(X + "trans-unit").ToList();

        Assert.Equal(12, units.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"p{i}"), units.Select(u => (string?)u.Attribute("id")));
        Assert.All(units, u => Assert.Equal("preserve", (string?)u.Attribute(XNamespace.Xml + "space")));
        Assert.All(units, u => Assert.Equal(Mids(u.Element(X + "seg-source")!), Mids(u.Element(X + "target")!)));
        Assert.Equal(
            document.Paragraphs.SelectMany(p => p.SourceSegments).Select(s => s.Text),
            units.SelectMany(u => u.Element(X + "seg-source")!.Elements(X + "mrk")).Select(m => m.Value));
        Assert.Equal(
            document.Paragraphs.SelectMany(p => p.TargetSegments).Select(s => s.Text),
            units.SelectMany(u => u.Element(X + "target")!.Elements(X + "mrk")).Select(m => m.Value));
        Assert.Equal(["x-heading"], units.Where(u => u.Attribute("restype") is not null).Select(u => (string?)u.Attribute("restype")).Distinct());
        Assert.Equal(document.Paragraphs[2].SourceSegments[0].Text + " " + document.Paragraphs[2].SourceSegments[1].Text, units[2].Element(X + "source")!.Value);
    }

    [Fact]
    public void Render_MachineTranslation_NeedsReviewAsMtSuggestionWithEveryCandidateAsAltTrans()
    {
        var unit = Parse(SampleDocuments.Belarus()).Descendants(X + "trans-unit").ElementAt(2);

        var target = unit.Element(X + "target")!;
        Assert.Equal("needs-review-translation", (string?)target.Attribute("state"));
        Assert.Equal("mt-suggestion", (string?)target.Attribute("state-qualifier"));
        Assert.Null(unit.Attribute("approved"));
        var alternatives = unit.Elements(X + "alt-trans").ToList();
        Assert.Equal(Mids(target), alternatives.Select(a => (string)a.Attribute("mid")!));
        Assert.All(alternatives, a => Assert.Equal("azure", (string?)a.Attribute("origin")));
        Assert.All(alternatives, a => Assert.Null(a.Attribute("alttranstype")));
        Assert.Equal(target.Elements(X + "mrk").Select(m => m.Value), alternatives.Select(a => a.Element(X + "target")!.Value));
    }

    [Fact]
    public void Render_Gloss_NeedsTranslationWithTheSourceInTheTargetAndTheGlossOnlyAsReference()
    {
        var document = SampleDocuments.Belarus() with { Provenance = Gloss };

        var units = Parse(document).Descendants(X + "trans-unit").ToList();

        var glosses = document.Paragraphs.SelectMany(p => p.TargetSegments).Select(s => s.Text).ToList();
        Assert.All(units, u => Assert.Equal("needs-translation", (string?)u.Element(X + "target")!.Attribute("state")));
        Assert.All(units, u => Assert.Null(u.Element(X + "target")!.Attribute("state-qualifier")));
        Assert.All(units, u => Assert.Equal(
            u.Element(X + "seg-source")!.Elements(X + "mrk").Select(m => m.Value),
            u.Element(X + "target")!.Elements(X + "mrk").Select(m => m.Value)));
        Assert.All(units.SelectMany(u => u.Element(X + "target")!.Elements(X + "mrk")), m => Assert.DoesNotContain(m.Value, glosses));
        var alternatives = units.SelectMany(u => u.Elements(X + "alt-trans")).ToList();
        Assert.Equal(glosses, alternatives.Select(a => a.Element(X + "target")!.Value));
        Assert.All(alternatives, a => Assert.Equal(("reference", "offline"), ((string?)a.Attribute("alttranstype"), (string?)a.Attribute("origin"))));
        Assert.Contains(Parse(document).Root!.Descendants(X + "header").Elements(X + "note"), n => n.Value.Contains("gloss", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_GlossWithAReviewerCorrection_KeepsTheCorrectionAsTarget()
    {
        var review = new ReviewMark("corrected", "anna", SampleDocuments.CreatedAt.AddHours(1), "tense");
        var document = SampleDocuments.WithReview(SampleDocuments.Belarus() with { Provenance = Gloss }, 0, 0, review);

        var unit = Parse(document).Descendants(X + "trans-unit").First();

        Assert.Equal("needs-translation", (string?)unit.Element(X + "target")!.Attribute("state"));
        Assert.Equal(document.Paragraphs[0].TargetSegments[0].Text, unit.Element(X + "target")!.Elements(X + "mrk").First().Value);
        Assert.DoesNotContain(unit.Elements(X + "alt-trans"), a => (string?)a.Attribute("mid") == "b0");
        Assert.Contains(unit.Elements(X + "note"), n => n.Value == "b0 corrected: tense" && (string?)n.Attribute("from") == "anna");
    }

    [Fact]
    public void Render_EditionWithSplitsMergesAndGaps_OneMarkPerBeadAndTranslatedState()
    {
        var document = SampleDocuments.BelarusEdition();

        var units = Parse(document).Descendants(X + "trans-unit").ToList();

        foreach (var paragraph in document.Paragraphs)
        {
            var unit = units[paragraph.Index];
            var sources = unit.Element(X + "seg-source")!.Elements(X + "mrk").ToList();
            var targets = unit.Element(X + "target")!.Elements(X + "mrk").ToList();
            Assert.Equal(paragraph.Beads.Count, sources.Count);
            Assert.Equal(Mids(unit.Element(X + "seg-source")!), Mids(unit.Element(X + "target")!));
            for (var b = 0; b < paragraph.Beads.Count; b++)
            {
                Assert.Equal(string.Join(' ', paragraph.Beads[b].Source.Select(i => paragraph.SourceSegments[i].Text)), sources[b].Value);
                Assert.Equal(string.Join(' ', paragraph.Beads[b].Target.Select(i => paragraph.TargetSegments[i].Text)), targets[b].Value);
            }
        }

        var kinds = document.Paragraphs.SelectMany(p => p.Beads).Select(b => b.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "2-1", "1-0", "0-1" }, kinds);
        Assert.All(units, u => Assert.Equal("translated", (string?)u.Element(X + "target")!.Attribute("state")));
        Assert.All(units.SelectMany(u => u.Elements(X + "alt-trans")), a => Assert.Equal("human", (string?)a.Attribute("origin")));
    }

    [Fact]
    public void Render_EveryBeadConfirmed_SignedOffAndApproved()
    {
        var document = SampleDocuments.Belarus();
        var reviewed = SampleDocuments.WithReview(
            SampleDocuments.WithReview(document, 2, 0, new ReviewMark("accepted", "anna", SampleDocuments.CreatedAt.AddDays(1))),
            2, 1, new ReviewMark("corrected", null, SampleDocuments.CreatedAt.AddDays(1)));

        var unit = Parse(reviewed).Descendants(X + "trans-unit").ElementAt(2);

        Assert.Equal("yes", (string?)unit.Attribute("approved"));
        Assert.Equal("signed-off", (string?)unit.Element(X + "target")!.Attribute("state"));
        Assert.Null(unit.Element(X + "target")!.Attribute("state-qualifier"));
        Assert.Equal(["b0"], unit.Elements(X + "alt-trans").Select(a => (string?)a.Attribute("mid")));
        Assert.Equal(["b0 accepted", "b1 corrected"], unit.Elements(X + "note").Select(n => n.Value));
        Assert.Equal(["anna", "reviewer"], unit.Elements(X + "note").Select(n => (string?)n.Attribute("from")));
    }

    [Fact]
    public void Render_QueriedBead_NeedsReviewWithTheCommentAsNote()
    {
        var review = new ReviewMark("needs-review", "bob", SampleDocuments.CreatedAt.AddDays(1), "which treaty?");
        var document = SampleDocuments.WithReview(SampleDocuments.BelarusEdition(), 1, 0, review);

        var unit = Parse(document).Descendants(X + "trans-unit").ElementAt(1);

        Assert.Equal("needs-review-translation", (string?)unit.Element(X + "target")!.Attribute("state"));
        Assert.Null(unit.Element(X + "target")!.Attribute("state-qualifier"));
        Assert.Contains(unit.Elements(X + "note"), n => n.Value == "b0 needs-review: which treaty?" && (string?)n.Attribute("annotates") == "target");
    }

    [Fact]
    public void Render_QualityFlags_AreNotesNamingTheSegment()
    {
        var document = SampleDocuments.Belarus();
        var flag = new QualityFlag(QualityFlagKind.Number, "1996 in the source, 1995 in the target", [], []);
        var flagged = document with
        {
            Paragraphs = [.. document.Paragraphs.Select(p => p.Index != 3 ? p : p with { Beads = [.. p.Beads.Select((b, i) => i == 0 ? b with { Flags = [flag] } : b)] })],
        };

        var note = Parse(flagged).Descendants(X + "trans-unit").ElementAt(3).Elements(X + "note").Single();

        Assert.Equal("b0 number: 1996 in the source, 1995 in the target", note.Value);
        Assert.Equal((XliffWriter.QualityNoteFrom, "target"), ((string?)note.Attribute("from"), (string?)note.Attribute("annotates")));
    }

    [Fact]
    public void Render_Sample_ExtradataIsTheFingerprintOfTheSourceSegments()
    {
        var document = SampleDocuments.Belarus();

        var unit = Parse(document).Descendants(X + "trans-unit").ElementAt(2);

        var marks = unit.Element(X + "seg-source")!.Elements(X + "mrk").Select(m => ((string)m.Attribute("mid")!, m.Value));
        Assert.Equal(XliffWriter.FingerprintPrefix + XliffWriter.SourceFingerprint(marks), (string?)unit.Attribute("extradata"));
        Assert.NotEqual(
            XliffWriter.SourceFingerprint([("b0", "Een zin.")]),
            XliffWriter.SourceFingerprint([("b0", "Een andere zin.")]));
        Assert.Equal(
            XliffWriter.SourceFingerprint([("b0", "Een  zin.")]),
            XliffWriter.SourceFingerprint([("b0", " Een zin.\n")]));
    }

    private static XDocument Parse(BilingualDocument document) =>
        XDocument.Parse(Encoding.UTF8.GetString(new XliffWriter("1.0.0-test").Render(document)), LoadOptions.PreserveWhitespace);

    private static List<string> Mids(XElement segmented) =>
        [.. segmented.Elements(X + "mrk").Select(m => (string)m.Attribute("mid")!)];
}
