using Bilingual.Core.Documents;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Writing;

public sealed class EditionWriterTests : DocumentWriterContractTests
{
    protected override IDocumentWriter CreateWriter() => new EditionWriter();

    protected override string ExpectedFileName(BilingualDocument document) => $"{document.Name}.en.txt";

    protected override Task<string> ReadBackTextAsync(string path) => File.ReadAllTextAsync(path);

    [Fact]
    public async Task WriteAsync_Sample_MetadataLineThenTranslatedParagraphsBetweenBlankLines()
    {
        var path = await CreateWriter().WriteAsync(SampleDocuments.Belarus(), OutputDirectory, CancellationToken.None);

        var expected = "date 2023-04\n\n" + string.Join("\n\n",
            SampleDocuments.Paragraphs(TestPaths.Fixture("belarus-2023-04", "reference.en.sentences")).Select(p => string.Join(' ', p))) + "\n";
        Assert.Equal(expected, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_Sample_HeadingsStandAloneAsParagraphs()
    {
        var path = await CreateWriter().WriteAsync(SampleDocuments.Belarus(), OutputDirectory, CancellationToken.None);

        var blocks = (await File.ReadAllTextAsync(path)).TrimEnd('\n').Split("\n\n");
        Assert.Equal(13, blocks.Length);
        Assert.Equal("Nuclear weapons", blocks[4]);
        Assert.Equal("Soviet Union 2.0", blocks[8]);
        Assert.DoesNotContain(blocks, b => b.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_OtherTargetLanguage_NamesFileAfterIt()
    {
        var document = SampleDocuments.Belarus() with { TargetLanguage = "de" };

        var path = await CreateWriter().WriteAsync(document, OutputDirectory, CancellationToken.None);

        Assert.Equal($"{SampleDocuments.BelarusName}.de.txt", Path.GetFileName(path));
    }

    [Fact]
    public void Render_Gloss_SaysSoRightAfterTheMetadataLine()
    {
        var document = SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict-nld-eng 0.3", IsGloss: true) };

        var blocks = EditionWriter.Render(document).TrimEnd('\n').Split("\n\n");

        Assert.Equal("date 2023-04", blocks[0]);
        Assert.StartsWith(EditionWriter.GlossNotePrefix, blocks[1], StringComparison.Ordinal);
        Assert.Contains("not a translation", blocks[1], StringComparison.Ordinal);
        Assert.Contains("offline freedict-nld-eng 0.3", blocks[1], StringComparison.Ordinal);
        Assert.EndsWith("]", blocks[1], StringComparison.Ordinal);
        Assert.StartsWith("No foreign leader", blocks[2], StringComparison.Ordinal);
        Assert.Equal(14, blocks.Length);
    }

    [Fact]
    public void Render_Translation_HasNoGlossNote()
    {
        var text = EditionWriter.Render(SampleDocuments.Belarus());

        Assert.DoesNotContain("gloss", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_NoMetadata_StartsWithFirstParagraph()
    {
        var document = SampleDocuments.Belarus() with { Metadata = ArticleMetadata.None };

        var text = EditionWriter.Render(document);

        Assert.StartsWith("No foreign leader has met", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LineBreaksInsideAParagraph_KeepItOnOneLine()
    {
        var document = SampleDocuments.Belarus();
        var first = document.Paragraphs[0] with { TargetText = "  First line.\r\nSecond line.\n\n\nThird\u2028line.  " };
        document = document with { Paragraphs = [first, .. document.Paragraphs.Skip(1)] };

        var blocks = EditionWriter.Render(document).Split("\n\n");

        Assert.Equal("First line. Second line. Third line.", blocks[1]);
    }

    [Fact]
    public void Render_ParagraphWithoutText_FallsBackToItsSentencesAndEmptyOnesAreLeftOut()
    {
        var document = SampleDocuments.Belarus();
        var first = document.Paragraphs[0] with { TargetText = "" };
        var second = document.Paragraphs[1] with { TargetText = " ", TargetSegments = [] };
        document = document with { Paragraphs = [first, second, .. document.Paragraphs.Skip(2)] };

        var blocks = EditionWriter.Render(document).TrimEnd('\n').Split("\n\n");

        Assert.Equal(12, blocks.Length);
        Assert.Equal(string.Join(' ', document.Paragraphs[0].TargetSegments.Select(s => s.Text)), blocks[1]);
        Assert.StartsWith("The war in Ukraine", blocks[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Sample_IsUtf8WithoutByteOrderMark()
    {
        var path = await CreateWriter().WriteAsync(SampleDocuments.Belarus(), OutputDirectory, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal((byte)'d', bytes[0]);
    }
}
