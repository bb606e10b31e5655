using System.Text;
using System.Xml.Linq;
using Bilingual.Core.Documents;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Writing;

public sealed class TmxWriterTests : DocumentWriterContractTests
{
    private const string GoldenName = "belarus-2023-04.tmx";

    protected override IDocumentWriter CreateWriter() => new TmxWriter();

    protected override string ExpectedFileName(BilingualDocument document) => $"{document.Name}.tmx";

    protected override async Task<string> ReadBackTextAsync(string path)
    {
        var memory = await TmxReader.ReadAsync(path, CancellationToken.None);
        return string.Join('\n', memory.Units.SelectMany(u => new[] { u.Source, u.Target }));
    }

    /// <summary>
    /// Compares the sample's TMX with the golden file. To accept a deliberate change, run the tests with
    /// <c>BILINGUAL_UPDATE_GOLDEN=1</c>: the golden file in the source tree is rewritten.
    /// </summary>
    [Fact]
    public void Render_Sample_MatchesGoldenFile()
    {
        var actual = Encoding.UTF8.GetString(new TmxWriter("1.0.0-test").Render(SampleDocuments.Belarus()));

        GoldenFile.AssertMatches(GoldenName, actual);
    }

    [Fact]
    public void Render_Sample_StartsWithDeclarationAndNoDoctypeNorByteOrderMark()
    {
        var bytes = new TmxWriter().Render(SampleDocuments.Belarus());

        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tmx version=\"1.4\">", text, StringComparison.Ordinal);
        Assert.Equal((byte)'<', bytes[0]);
    }

    [Fact]
    public void Render_Sample_HeaderHasTheRequiredAttributes()
    {
        var tmx = Parse(new TmxWriter("9.8.7+abc").Render(SampleDocuments.Belarus()));

        var header = tmx.Root!.Element("header")!;
        Assert.Equal("Bilingual", (string?)header.Attribute("creationtool"));
        Assert.Equal("9.8.7+abc", (string?)header.Attribute("creationtoolversion"));
        Assert.Equal("sentence", (string?)header.Attribute("segtype"));
        Assert.Equal("Bilingual", (string?)header.Attribute("o-tmf"));
        Assert.Equal("en", (string?)header.Attribute("adminlang"));
        Assert.Equal("plaintext", (string?)header.Attribute("datatype"));
        Assert.Equal("20230414T093000Z", (string?)header.Attribute("creationdate"));
        var sourceLanguages = tmx.Descendants("tu").Select(tu => (string?)tu.Elements("tuv").First().Attribute(XNamespace.Xml + "lang")).Distinct();
        Assert.Equal([(string?)header.Attribute("srclang")], sourceLanguages);
        Assert.Equal("0", Property(header, "x-skipped-beads"));
    }

    [Fact]
    public void Render_DefaultWriter_StatesTheAssemblyVersion()
    {
        var header = Parse(new TmxWriter().Render(SampleDocuments.Belarus())).Root!.Element("header")!;

        Assert.Matches(@"^\d+\.\d+\.\d+", (string?)header.Attribute("creationtoolversion"));
    }

    [Fact]
    public void Render_Sample_EverySegmentInOneUnitWithItsTranslation()
    {
        var document = SampleDocuments.Belarus();

        var units = Parse(new TmxWriter().Render(document)).Descendants("tu").ToList();

        var sources = document.Paragraphs.SelectMany(p => p.SourceSegments).Select(s => s.Text).ToList();
        var targets = SampleDocuments.Paragraphs(TestPaths.Fixture("belarus-2023-04", "reference.en.sentences")).SelectMany(p => p).ToList();
        Assert.Equal(29, units.Count);
        Assert.Equal(sources, units.Select(tu => tu.Elements("tuv").First().Element("seg")!.Value));
        Assert.Equal(targets, units.Select(tu => tu.Elements("tuv").Last().Element("seg")!.Value));
        Assert.Contains(units, tu => tu.Elements("tuv").First().Element("seg")!.Value == "Kernwapens");
        Assert.All(units, tu => Assert.Equal(["nl", "en"], tu.Elements("tuv").Select(v => (string?)v.Attribute(XNamespace.Xml + "lang"))));
    }

    [Fact]
    public void Render_Sample_UnitIdsAreUniqueAndNameDocumentParagraphAndBead()
    {
        var units = Parse(new TmxWriter().Render(SampleDocuments.Belarus())).Descendants("tu").ToList();

        var ids = units.Select(tu => (string?)tu.Attribute("tuid")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal($"{SampleDocuments.BelarusName}-p0-b0", ids[0]);
        Assert.Equal($"{SampleDocuments.BelarusName}-p0-b1", ids[1]);
        Assert.Equal($"{SampleDocuments.BelarusName}-p11-b1", ids[^1]);
    }

    [Fact]
    public void Render_Sample_PropertiesComeBeforeVariants()
    {
        var unit = Parse(new TmxWriter().Render(SampleDocuments.Belarus())).Descendants("tu").ElementAt(5);

        Assert.Equal(
            ["prop", "prop", "prop", "prop", "prop", "prop", "prop", "tuv", "tuv"],
            unit.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(SampleDocuments.BelarusName, Property(unit, "x-document"));
        Assert.Equal("2", Property(unit, "x-paragraph"));
        Assert.Equal("1-1", Property(unit, "x-alignment"));
        Assert.Equal("azure", Property(unit, "x-backend"));
        Assert.Equal("3.0", Property(unit, "x-backend-version"));
        Assert.Equal("0.90", Property(unit, "x-score"));
        Assert.Equal("2023-04", Property(unit, "x-date"));
        Assert.Null(Property(unit, "x-gloss"));
        Assert.Null(Property(unit, "x-status"));
        Assert.Equal("20230414T093000Z", (string?)unit.Attribute("creationdate"));
    }

    [Theory]
    [InlineData(0.12345, "0.123")]
    [InlineData(1.0, "1.00")]
    [InlineData(0.5, "0.50")]
    [InlineData(1.7, "1.00")]
    public void Render_Confidence_IsWrittenWithTwoToThreeDecimalsInvariantly(double confidence, string expected)
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            var document = SampleDocuments.Belarus();
            var first = document.Paragraphs[0] with { Beads = [new Bead([0], [0], confidence)] };
            var unit = Parse(new TmxWriter().Render(document with { Paragraphs = [first] })).Descendants("tu").Single();

            Assert.Equal(expected, Property(unit, "x-score"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_Gloss_LeavesOutEveryUnreviewedBeadAndCountsThem()
    {
        var document = SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict", IsGloss: true) };

        var tmx = Parse(new TmxWriter().Render(document));

        Assert.Empty(tmx.Descendants("tu"));
        Assert.Equal("29", Property(tmx.Root!.Element("header")!, "x-gloss-beads"));
    }

    [Theory]
    [InlineData("accepted", true)]
    [InlineData("corrected", true)]
    [InlineData("needs-review", false)]
    public void Render_GlossReviewed_KeepsOnlyWhatAReviewerConfirmed(string status, bool kept)
    {
        var gloss = SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict", IsGloss: true) };
        var document = SampleDocuments.WithReview(gloss, 2, 1, new ReviewMark(status, "anna", SampleDocuments.CreatedAt.AddDays(1)));

        var tmx = Parse(new TmxWriter().Render(document));

        var units = tmx.Descendants("tu").ToList();
        Assert.Equal(kept ? 1 : 0, units.Count);
        Assert.All(units, tu => Assert.Equal(("true", status), (Property(tu, "x-gloss"), Property(tu, "x-status"))));
        Assert.Equal(kept ? "28" : "29", Property(tmx.Root!.Element("header")!, "x-gloss-beads"));
    }

    [Fact]
    public void Render_ReviewedBead_CarriesStatusChangeAttributesAndComment()
    {
        var review = new ReviewMark("corrected", "anna", new DateTimeOffset(2023, 4, 15, 14, 5, 9, TimeSpan.FromHours(2)), "Kyiv, not Kiev & <co>");
        var document = SampleDocuments.WithReview(SampleDocuments.Belarus(), 2, 1, review);

        var units = Parse(new TmxWriter().Render(document)).Descendants("tu").ToList();

        var unit = Assert.Single(units, tu => Property(tu, "x-status") is not null);
        Assert.Equal($"{SampleDocuments.BelarusName}-p2-b1", (string?)unit.Attribute("tuid"));
        Assert.Equal("corrected", Property(unit, "x-status"));
        Assert.Equal("anna", (string?)unit.Attribute("changeid"));
        Assert.Equal("20230415T120509Z", (string?)unit.Attribute("changedate"));
        Assert.Equal("Kyiv, not Kiev & <co>", unit.Element("note")!.Value);
        Assert.Equal(["tuv", "tuv"], unit.Elements().Skip(unit.Elements().Count() - 2).Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Render_ReviewWithoutReviewer_HasChangeDateButNoChangeId()
    {
        var review = new ReviewMark("accepted", null, SampleDocuments.CreatedAt.AddDays(1));
        var document = SampleDocuments.WithReview(SampleDocuments.Belarus(), 0, 0, review);

        var unit = Parse(new TmxWriter().Render(document)).Descendants("tu").First();

        Assert.Null(unit.Attribute("changeid"));
        Assert.Equal("20230415T093000Z", (string?)unit.Attribute("changedate"));
        Assert.Null(unit.Element("note"));
    }

    [Fact]
    public void Render_CreatedAtWithOffset_IsWrittenInUtc()
    {
        var document = SampleDocuments.Belarus() with { CreatedAt = new DateTimeOffset(2023, 4, 14, 1, 2, 3, TimeSpan.FromHours(5)) };

        var tmx = Parse(new TmxWriter().Render(document));

        Assert.Equal("20230413T200203Z", (string?)tmx.Root!.Element("header")!.Attribute("creationdate"));
        Assert.All(tmx.Descendants("tu"), tu => Assert.Equal("20230413T200203Z", (string?)tu.Attribute("creationdate")));
    }

    [Fact]
    public void Render_EditionWithSplitsMergesAndGaps_SkipsOneSidedBeadsAndCountsThem()
    {
        var document = SampleDocuments.BelarusEdition();

        var tmx = Parse(new TmxWriter().Render(document));

        var units = tmx.Descendants("tu").ToList();
        Assert.Equal(document.Paragraphs.Sum(p => p.Beads.Count) - 2, units.Count);
        Assert.Equal("2", Property(tmx.Root!.Element("header")!, "x-skipped-beads"));
        Assert.All(units, tu => Assert.Equal(2, tu.Elements("tuv").Count(v => v.Element("seg")!.Value.Length > 0)));
        var merged = units.First(tu => Property(tu, "x-alignment") == "2-1");
        Assert.Equal(
            "Welke precies, hoeveel en per wanneer is niet helemaal duidelijk. Poetin verwacht dat het op 1 juli zover is.",
            merged.Elements("tuv").First().Element("seg")!.Value);
        var split = units.Single(tu => Property(tu, "x-alignment") == "1-2");
        Assert.Equal(
            "Under a 1996 treaty, the two countries already form a union. On closer inspection, however, Lukashenko declined the planned introduction of a single currency and the merger of legal institutions and parliaments.",
            split.Elements("tuv").Last().Element("seg")!.Value);
    }

    [Fact]
    public void Render_SegmentsWithOuterBlanksAndInnerTabsOrCarriageReturns_AreTrimmedAndKeepTheRest()
    {
        var document = SampleDocuments.Belarus();
        var first = document.Paragraphs[0] with
        {
            SourceSegments = [new Segment(0, 0, " \t Een\ttab\r\nen regel  ")],
            TargetSegments = [new Segment(0, 0, "\u00A0A\ttab\r\nand line\n")],
            Beads = [new Bead([0], [0], 1)],
        };

        var tmx = Parse(new TmxWriter().Render(document with { Paragraphs = [first] }));

        var segs = tmx.Descendants("seg").Select(s => s.Value).ToList();
        Assert.Equal(["Een\ttab\r\nen regel", "A\ttab\r\nand line"], segs);
    }

    [Fact]
    public void Render_HostileText_IsEscapedInTheFile()
    {
        var text = Encoding.UTF8.GetString(new TmxWriter().Render(SampleDocuments.Hostile()));

        Assert.Contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;", text, StringComparison.Ordinal);
        Assert.Contains("&lt;/td&gt;", text, StringComparison.Ordinal);
        Assert.Contains("closes &amp; opens &amp;amp; more.", text, StringComparison.Ordinal);
        Assert.Contains("]]&gt;", text, StringComparison.Ordinal);
        Assert.Contains("freedict &lt;nld-eng&gt; &amp; \"2024\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<column>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BeadPointingPastItsSentences_Throws()
    {
        var document = SampleDocuments.Belarus();
        var first = document.Paragraphs[0] with { Beads = [new Bead([0], [7], 1)] };

        var error = Assert.Throws<ArgumentException>(() => new TmxWriter().Render(document with { Paragraphs = [first] }));

        Assert.Contains("target sentence 7", error.Message, StringComparison.Ordinal);
    }

    private static XDocument Parse(byte[] tmx)
    {
        using var stream = new MemoryStream(tmx);
        using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static string? Property(XElement element, string type) =>
        element.Elements("prop").FirstOrDefault(p => (string?)p.Attribute("type") == type)?.Value;
}
