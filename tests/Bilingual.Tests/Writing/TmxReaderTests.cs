using System.Text;
using Bilingual.Core.Documents;
using Bilingual.Core.Writing;

namespace Bilingual.Tests.Writing;

public sealed class TmxReaderTests
{
    [Fact]
    public async Task ReadAsync_WrittenSample_GivesBackEveryUnitWithItsProperties()
    {
        var document = SampleDocuments.WithReview(
            SampleDocuments.Belarus(), 11, 1, new ReviewMark("corrected", "anna", SampleDocuments.CreatedAt.AddDays(2), "US, not VS"));

        var memory = await ReadAsync(new TmxWriter().Render(document));

        Assert.Equal("nl", memory.SourceLanguage);
        Assert.Equal("0", memory.Properties["x-skipped-beads"]);
        Assert.Equal(29, memory.Units.Count);
        Assert.Equal(document.Paragraphs.SelectMany(p => p.SourceSegments).Select(s => s.Text), memory.Units.Select(u => u.Source));
        Assert.Equal(document.Paragraphs.SelectMany(p => p.TargetSegments).Select(s => s.Text), memory.Units.Select(u => u.Target));
        Assert.All(memory.Units, u => Assert.Equal(("nl", "en"), (u.SourceLanguage, u.TargetLanguage)));
        var last = memory.Units[^1];
        Assert.Equal($"{SampleDocuments.BelarusName}-p11-b1", last.Id);
        Assert.Equal("corrected", last.Properties["x-status"]);
        Assert.Equal("1-1", last.Properties["x-alignment"]);
        Assert.Equal("11", last.Properties["x-paragraph"]);
        Assert.Equal("anna", last.Attributes["changeid"]);
        Assert.Equal("20230416T093000Z", last.Attributes["changedate"]);
        Assert.Equal(["US, not VS"], last.Notes);
        Assert.False(memory.Units[0].Properties.ContainsKey("x-status"));
    }

    [Fact]
    public async Task ReadAsync_HostileDocument_GivesBackTheCleanedTextVerbatim()
    {
        var memory = await ReadAsync(new TmxWriter().Render(SampleDocuments.Hostile()));

        Assert.Equal(SampleDocuments.HostileExpected, memory.Units.Select(u => (u.Source, u.Target!)));
    }

    [Fact]
    public async Task ReadAsync_ForeignTmx_PicksSourceBySrclangAndLeavesInlineCodesOut()
    {
        const string tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "http://unreachable.invalid/tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="nl-NL" datatype="html">
                <prop type="x-origin">foreign</prop>
              </header>
              <body>
                <tu tuid="a">
                  <prop type="x-status">accepted</prop>
                  <prop type="x-status">ignored duplicate</prop>
                  <tuv xml:lang="en-GB"><seg>The <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> word<ph>&lt;br/&gt;</ph> and <hi>this</hi> &amp; that.</seg></tuv>
                  <tuv xml:lang="NL-nl"><seg>Het <bpt i="1">&lt;b&gt;</bpt>vette<ept i="1">&lt;/b&gt;</ept> woord.</seg></tuv>
                </tu>
                <tu srclang="de">
                  <tuv lang="EN"><seg>  spaced  </seg></tuv>
                  <tuv lang="DE"><seg>Satz</seg></tuv>
                </tu>
                <tu>
                  <tuv xml:lang="nl-NL"><seg>Alleen bron.</seg></tuv>
                </tu>
                <tu>
                  <note>no variants</note>
                </tu>
              </body>
            </tmx>
            """;

        var memory = await ReadAsync(Encoding.UTF8.GetBytes(tmx));

        Assert.Equal("nl-NL", memory.SourceLanguage);
        Assert.Equal("foreign", memory.Properties["x-origin"]);
        Assert.Equal(3, memory.Units.Count);
        var first = memory.Units[0];
        Assert.Equal("a", first.Id);
        Assert.Equal(("NL-nl", "Het vette woord."), (first.SourceLanguage, first.Source));
        Assert.Equal(("en-GB", "The bold word and this & that."), (first.TargetLanguage, first.Target));
        Assert.Equal("accepted", first.Properties["x-status"]);
        var second = memory.Units[1];
        Assert.Null(second.Id);
        Assert.Equal(("DE", "Satz"), (second.SourceLanguage, second.Source));
        Assert.Equal(("EN", "  spaced  "), (second.TargetLanguage, second.Target));
        var third = memory.Units[2];
        Assert.Equal("Alleen bron.", third.Source);
        Assert.Null(third.Target);
        Assert.Null(third.TargetLanguage);
    }

    [Theory]
    [InlineData("nl_NL")]
    [InlineData("nl")]
    public async Task ReadAsync_SrclangWithOtherSeparatorOrOnlyTheLanguage_FindsTheSourceVariant(string srclang)
    {
        var tmx = $"""
            <tmx version="1.4"><header srclang="{srclang}"/><body>
            <tu><tuv xml:lang="en-GB"><seg>Hello</seg></tuv><tuv xml:lang="nl-NL"><seg>Hallo</seg></tuv></tu>
            </body></tmx>
            """;

        var memory = await ReadAsync(Encoding.UTF8.GetBytes(tmx));

        Assert.Equal(("nl-NL", "Hallo", "en-GB"), (memory.Units[0].SourceLanguage, memory.Units[0].Source, memory.Units[0].TargetLanguage));
    }

    [Fact]
    public async Task ReadAsync_SrclangAll_TakesTheFirstVariantAsSource()
    {
        const string tmx = """
            <tmx version="1.4"><header srclang="*all*"/><body>
            <tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv><tuv xml:lang="nl"><seg>Hallo</seg></tuv></tu>
            </body></tmx>
            """;

        var memory = await ReadAsync(Encoding.UTF8.GetBytes(tmx));

        Assert.Null(memory.SourceLanguage);
        Assert.Equal(("fr", "Bonjour", "nl", "Hallo"), (memory.Units[0].SourceLanguage, memory.Units[0].Source, memory.Units[0].TargetLanguage, memory.Units[0].Target));
    }

    [Fact]
    public async Task ReadAsync_File_ReadsWhatTheWriterWrote()
    {
        using var directory = new TemporaryDirectory();
        var path = await new TmxWriter().WriteAsync(SampleDocuments.BelarusEdition(), directory.Path, CancellationToken.None);

        var memory = await TmxReader.ReadAsync(path, CancellationToken.None);

        Assert.Equal("2", memory.Properties["x-skipped-beads"]);
        Assert.Contains(memory.Units, u => u.Properties["x-alignment"] == "2-1");
        Assert.All(memory.Units, u => Assert.False(string.IsNullOrEmpty(u.Target)));
    }

    [Fact]
    public async Task ReadAsync_NotXml_Throws()
    {
        await Assert.ThrowsAnyAsync<System.Xml.XmlException>(() => ReadAsync(Encoding.UTF8.GetBytes("<tmx><body><tu>")));
    }

    [Fact]
    public async Task ReadAsync_SegOverTheLimit_RefusedNamingTheUnit()
    {
        var tmx = $"<tmx version=\"1.4\"><header srclang=\"nl\"/><body><tu tuid=\"t7\"><tuv xml:lang=\"nl\"><seg>{new string('a', 300)}</seg></tuv></tu></body></tmx>";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(tmx));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TmxReader.ReadAsync(stream, 299, CancellationToken.None));

        Assert.Contains("tu t7", error.Message, StringComparison.Ordinal);
        Assert.Contains("300 characters", error.Message, StringComparison.Ordinal);
    }

    private static async Task<TmxMemory> ReadAsync(byte[] tmx)
    {
        using var stream = new MemoryStream(tmx);
        return await TmxReader.ReadAsync(stream, CancellationToken.None);
    }
}
