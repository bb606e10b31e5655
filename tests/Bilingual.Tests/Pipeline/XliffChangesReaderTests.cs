using System.Text;
using System.Xml.Linq;
using Bilingual.Core.Documents;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Review;
using Bilingual.Core.Writing;
using Bilingual.Tests.Writing;

namespace Bilingual.Tests.Pipeline;

public sealed class XliffChangesReaderTests : IDisposable
{
    private static readonly XNamespace X = XliffWriter.Namespace;

    private static readonly DateTimeOffset SavedAt = new(2023, 4, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadAsync_AsWritten_MachineTranslationNeedsReviewSoNothingIsConfirmed()
    {
        var corrections = await ReadAsync(Written(SampleDocuments.Belarus()));

        Assert.Empty(corrections);
    }

    [Theory]
    [InlineData("translated")]
    [InlineData("final")]
    [InlineData("signed-off")]
    public async Task ReadAsync_ConfirmedState_AcceptsTheCandidateAndStoresAnEditAsCorrection(string state)
    {
        var xliff = Written(SampleDocuments.Belarus());
        var unit = Unit(xliff, "p2");
        unit.Element(X + "target")!.SetAttributeValue("state", state);
        Mark(unit.Element(X + "target")!, "b1").Value = "Belarus became the launch pad of the invasion.";

        var corrections = await ReadAsync(xliff);

        var paragraph = SampleDocuments.Belarus().Paragraphs[2];
        Assert.Equal(2, corrections.Count);
        Assert.Equal((paragraph.SourceSegments[0].Text, paragraph.TargetSegments[0].Text, ReviewStatus.Accepted),
            (corrections[0].SourceText, corrections[0].TargetText, corrections[0].Status));
        Assert.Equal((paragraph.SourceSegments[1].Text, "Belarus became the launch pad of the invasion.", ReviewStatus.Corrected),
            (corrections[1].SourceText, corrections[1].TargetText, corrections[1].Status));
        Assert.All(corrections, c => Assert.Equal(("nl", "en", "anna", SavedAt), (c.SourceLanguage, c.TargetLanguage, c.Reviewer, c.ChangedAt)));
    }

    [Theory]
    [InlineData("needs-translation", null, 0)]
    [InlineData("needs-review-translation", null, 0)]
    [InlineData("needs-adaptation", null, 0)]
    [InlineData("new", null, 0)]
    [InlineData(null, null, 0)]
    [InlineData("needs-review-translation", "yes", 2)]
    [InlineData("needs-review-translation", "no", 0)]
    public async Task ReadAsync_UnconfirmedStates_StayOutUnlessApproved(string? state, string? approved, int expected)
    {
        var xliff = Written(SampleDocuments.Belarus());
        var unit = Unit(xliff, "p2");
        unit.Element(X + "target")!.SetAttributeValue("state", state);
        unit.SetAttributeValue("approved", approved);

        var corrections = await ReadAsync(xliff);

        Assert.Equal(expected, corrections.Count);
    }

    [Fact]
    public async Task ReadAsync_GlossConfirmedWithoutTranslating_StoresNoSourceCopyButATranslatedSegment()
    {
        var xliff = Written(SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict", IsGloss: true) });
        var unit = Unit(xliff, "p2");
        unit.Element(X + "target")!.SetAttributeValue("state", "translated");
        Mark(unit.Element(X + "target")!, "b0").Value = "The war in Ukraine meant Lukashenko had to repay Putin.";

        var correction = Assert.Single(await ReadAsync(xliff));

        Assert.Equal(("The war in Ukraine meant Lukashenko had to repay Putin.", ReviewStatus.Corrected), (correction.TargetText, correction.Status));
    }

    [Fact]
    public async Task ReadAsync_ForeignNamespaces_AreTolerated()
    {
        XNamespace sdl = "http://sdl.com/FileTypes/SdlXliff/1.0";
        XNamespace m = "MQXliff";
        var xliff = Written(SampleDocuments.Belarus());
        xliff.Root!.Add(new XAttribute(XNamespace.Xmlns + "sdl", sdl.NamespaceName), new XAttribute(XNamespace.Xmlns + "m", m.NamespaceName));
        var unit = Unit(xliff, "p2");
        unit.SetAttributeValue(m + "status", "Confirmed");
        unit.Add(new XElement(sdl + "seg-defs", new XElement(sdl + "seg", new XAttribute("id", "1"), new XAttribute("conf", "Translated"))));
        var target = unit.Element(X + "target")!;
        target.SetAttributeValue("state", "translated");
        Mark(target, "b0").Add(new XElement(m + "comment", "not text"));
        Mark(target, "b1").ReplaceWith(new XElement(X + "g", new XAttribute("id", "1"), Mark(target, "b1")));

        var corrections = await ReadAsync(xliff);

        var paragraph = SampleDocuments.Belarus().Paragraphs[2];
        Assert.Equal(paragraph.TargetSegments.Select(s => s.Text), corrections.Select(c => c.TargetText));
        Assert.All(corrections, c => Assert.Equal(ReviewStatus.Accepted, c.Status));
    }

    [Fact]
    public async Task ReadAsync_InlineCodes_AreNotText()
    {
        var xliff = Written(SampleDocuments.Belarus());
        var target = Unit(xliff, "p3").Element(X + "target")!;
        target.SetAttributeValue("state", "final");
        Mark(target, "b0").Add(new XElement(X + "ph", new XAttribute("id", "1"), "{0}"));

        var correction = Assert.Single(await ReadAsync(xliff));

        Assert.Equal("Nuclear weapons", correction.TargetText);
        Assert.Equal(ReviewStatus.Accepted, correction.Status);
    }

    [Theory]
    [InlineData("seg-source")]
    [InlineData("source")]
    [InlineData("resegmented")]
    public async Task ReadAsync_SourceChanged_IsRefusedNamingTheUnit(string change)
    {
        var xliff = Written(SampleDocuments.Belarus());
        var unit = Unit(xliff, "p2");
        switch (change)
        {
            case "seg-source":
                Mark(unit.Element(X + "seg-source")!, "b1").Value = "Belarus werd iets anders.";
                break;
            case "source":
                unit.Element(X + "source")!.Value = "Een heel andere alinea.";
                break;
            default:
                Mark(unit.Element(X + "seg-source")!, "b1").Remove();
                break;
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(xliff));

        Assert.StartsWith("trans-unit p2: its source is not the one Bilingual wrote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnotherToolsUnitWithoutSegments_IsOneSegment()
    {
        const string xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="a.txt" source-language="nl-NL" target-language="en-GB" datatype="plaintext"><body>
                <group id="g"><trans-unit id="1"><source>Een.</source><target state="translated">One.</target></trans-unit></group>
                <trans-unit id="2"><source>Twee.</source><target state="needs-translation">Twee.</target></trans-unit>
              </body></file>
            </xliff>
            """;

        var correction = Assert.Single(await ReadAsync(xliff));

        Assert.Equal(("nl-NL", "en-GB", "Een.", "One.", ReviewStatus.Corrected), (
            correction.SourceLanguage, correction.TargetLanguage, correction.SourceText, correction.TargetText, correction.Status));
    }

    [Theory]
    [InlineData("""<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="nl"><file id="f"/></xliff>""", "not an XLIFF 1.2 file")]
    [InlineData("""<xliff version="1.2"><file original="a" datatype="plaintext" source-language="nl"><body><trans-unit id="7"><source>Een.</source><target state="final">One.</target></trans-unit></body></file></xliff>""", "trans-unit 7: no target language")]
    [InlineData("""<xliff version="1.2"><file><body><trans-unit id="1"><source>Een.</source>""", "not well-formed")]
    public async Task ReadAsync_Invalid_ThrowsInvalidDataSayingWhy(string xliff, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(xliff));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewChangesReader_XlfFile_IsToldApartFromTmxByContentAndStampedWithTheFileTime()
    {
        var xliff = Written(SampleDocuments.Belarus());
        Unit(xliff, "p3").Element(X + "target")!.SetAttributeValue("state", "signed-off");
        var path = Path.Combine(_directory.Path, "translated.xml");
        await File.WriteAllTextAsync(path, xliff.ToString());
        File.SetLastWriteTimeUtc(path, SavedAt.UtcDateTime);

        var correction = Assert.Single(await ReviewChangesReader.ReadAsync(path, "bob", CancellationToken.None));

        Assert.Equal(("Kernwapens", "Nuclear weapons", "bob", SavedAt), (correction.SourceText, correction.TargetText, correction.Reviewer, correction.ChangedAt));
    }

    [Theory]
    [InlineData("<xliff version=\"1.2\"/>", true)]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- x -->\n<xliff/>", true)]
    [InlineData("<tmx version=\"1.4\"/>", false)]
    [InlineData("<not xml", false)]
    public void IsXliff_RootElement_DecidesAndRewinds(string text, bool expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.Equal(expected, XliffChangesReader.IsXliff(stream));
        Assert.Equal(0, stream.Position);
    }

    private static XDocument Written(BilingualDocument document) =>
        XDocument.Parse(Encoding.UTF8.GetString(new XliffWriter("1.0.0-test").Render(document)), LoadOptions.PreserveWhitespace);

    private static XElement Unit(XDocument xliff, string id) =>
        xliff.Descendants(X + "trans-unit").Single(u => (string?)u.Attribute("id") == id);

    private static XElement Mark(XElement segmented, string mid) =>
        segmented.Descendants(X + "mrk").Single(m => (string?)m.Attribute("mid") == mid);

    private static Task<IReadOnlyList<ReviewCorrection>> ReadAsync(XDocument xliff) => ReadAsync(xliff.ToString());

    private static async Task<IReadOnlyList<ReviewCorrection>> ReadAsync(string xliff)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xliff));
        return await XliffChangesReader.ReadAsync(stream, "anna", SavedAt, CancellationToken.None);
    }
}
