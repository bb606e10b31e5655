using System.Text;
using Bilingual.Core.Reading;
using Bilingual.Core.Translation;
using Bilingual.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Reading;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bilingual-reader-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ArticleReader CreateReader(long maxBytes = 16L << 20) =>
        new(Options.Create(new ReadingOptions { MaxFileBytes = maxBytes }));

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteFile(string name, string text) => WriteFile(name, Encoding.UTF8.GetBytes(text));

    [SkippableFact]
    public async Task ReadAsync_NamedPipe_RefusedAsNotARegularFileWithoutOpeningIt()
    {
        var pipe = Faults.MakeNamedPipe(Path.Combine(_directory, "pipe.txt"));

        // Opening the pipe would wait for a writer for ever: the bound turns a hang into a failure.
        var error = await Assert.ThrowsAsync<ArticleFormatException>(() =>
            CreateReader().ReadAsync(pipe, "nl", CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains(pipe, error.Message, StringComparison.Ordinal);
        Assert.Contains("named pipe", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadAsync_CharacterDevice_Refused()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/dev/zero is Linux's");

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() =>
            CreateReader().ReadAsync("/dev/zero", "nl", CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains("character device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Seed_FindsMetadataTwelveParagraphsAndTwoHeadings()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "seeds", "000_e36221037867b85e.txt");

        var article = await CreateReader().ReadAsync(path, "nl", CancellationToken.None);

        Assert.Equal("000_e36221037867b85e", article.Name);
        Assert.Equal("2023-04", article.Metadata.Date);
        Assert.Equal(12, article.Paragraphs.Count);
        Assert.StartsWith("Geen buitenlandse leider", article.Paragraphs[0].Text, StringComparison.Ordinal);
        Assert.Equal(["Kernwapens", "Sovjet-Unie 2.0"], article.Paragraphs.Where(p => p.IsHeading).Select(p => p.Text));
        Assert.Equal(Enumerable.Range(0, 12), article.Paragraphs.Select(p => p.Index));
    }

    [Fact]
    public async Task ReadAsync_SeedParagraphs_MatchGoldSegmentationParagraphs()
    {
        var gold = File.ReadAllText(TestPaths.Fixture("belarus-2023-04", "source.nl.sentences"))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => string.Join(' ', block.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

        var article = await CreateReader().ReadAsync(Path.Combine(TestPaths.RepositoryRoot, "seeds", "000_e36221037867b85e.txt"), "nl", CancellationToken.None);

        Assert.Equal(gold, article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task ReadAsync_BomCrlfTrailingSpacesAndBlankRuns_AreTolerated()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("date 2023-04-05   \r\nEerste regel   \r\nloopt door.\r\n\r\n\r\n   \r\nKop\r\n\r\nTweede alinea.  ")).ToArray();

        var article = await CreateReader().ReadAsync(WriteFile("crlf.txt", bytes), "nl", CancellationToken.None);

        Assert.Equal("2023-04-05", article.Metadata.Date);
        Assert.Equal(["Eerste regel loopt door.", "Kop", "Tweede alinea."], article.Paragraphs.Select(p => p.Text));
        Assert.Equal([false, true, false], article.Paragraphs.Select(p => p.IsHeading));
    }

    [Fact]
    public async Task ReadAsync_NoMetadata_ReadsParagraphsWithoutDate()
    {
        var article = await CreateReader().ReadAsync(WriteFile("plain.txt", "Gewoon een zin.\n\nNog een."), "nl", CancellationToken.None);

        Assert.Null(article.Metadata.Date);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("date 2023-13 Tekst.")]
    [InlineData("dated 2023-04 Tekst.")]
    [InlineData("date 2023-04x Tekst.")]
    public async Task ReadAsync_NotAMetadataToken_StaysText(string text)
    {
        var article = await CreateReader().ReadAsync(WriteFile("nometa.txt", text), "nl", CancellationToken.None);

        Assert.Null(article.Metadata.Date);
        Assert.Equal(text, article.Paragraphs[0].Text);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_NamesFileAndProblem()
    {
        var path = WriteFile("empty.txt", []);

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => CreateReader().ReadAsync(path, "nl", CancellationToken.None));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   \n\n \r\n")]
    [InlineData("date 2023-04")]
    [InlineData("date 2023-04\n\n\n")]
    public async Task ReadAsync_NoParagraphs_IsAClearError(string text)
    {
        var path = WriteFile("blank.txt", text);

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => CreateReader().ReadAsync(path, "nl", CancellationToken.None));

        Assert.Matches("no (text|paragraphs)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ReportsOffset()
    {
        var path = WriteFile("latin1.txt", [.. Encoding.UTF8.GetBytes("Caf"), 0xE9, .. Encoding.UTF8.GetBytes(" op de hoek.")]);

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => CreateReader().ReadAsync(path, "nl", CancellationToken.None));

        Assert.Contains("invalid UTF-8 near byte offset 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BinaryFile_IsRefused()
    {
        var path = WriteFile("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => CreateReader().ReadAsync(path, "nl", CancellationToken.None));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf16File_SaysSo()
    {
        var path = WriteFile("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Hallo.")).ToArray());

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => CreateReader().ReadAsync(path, "nl", CancellationToken.None));

        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FileOverLimit_IsRefusedBeforeReading()
    {
        var path = WriteFile("big.txt", new string('a', 5000));

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => CreateReader(maxBytes: 4096).ReadAsync(path, "nl", CancellationToken.None));

        Assert.Contains("Reading:MaxFileBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_IsAClearError()
    {
        var path = Path.Combine(_directory, "nowhere.txt");

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => CreateReader().ReadAsync(path, "nl", CancellationToken.None));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ControlCharacters_BecomeSpaces()
    {
        var article = await CreateReader().ReadAsync(WriteFile("ctrl.txt", "Een\u0007zin\twith\u001btab.\u000b"), "nl", CancellationToken.None);

        Assert.Equal("Een zin with tab.", article.Paragraphs[0].Text);
        Assert.DoesNotContain(article.Paragraphs[0].Text, char.IsControl);
    }

    [Fact]
    public async Task ReadAsync_MegabyteParagraph_IsOneParagraph()
    {
        var sentence = "Dit is een zin in een zeer lange alinea. ";
        var text = string.Concat(Enumerable.Repeat(sentence, (1 << 20) / sentence.Length + 1));

        var article = await CreateReader().ReadAsync(WriteFile("long.txt", text), "nl", CancellationToken.None);

        var paragraph = Assert.Single(article.Paragraphs);
        Assert.True(paragraph.Text.Length >= 1 << 20);
        Assert.False(paragraph.IsHeading);
    }

    [Fact]
    public async Task ReadAsync_OddFileName_KeepsItAsName()
    {
        var article = await CreateReader().ReadAsync(WriteFile("ünïcode & <spaces> 'quote'.txt", "Tekst."), "nl", CancellationToken.None);

        Assert.Equal("ünïcode & <spaces> 'quote'", article.Name);
    }

    [Theory]
    [InlineData("Kernwapens", true)]
    [InlineData("Sovjet-Unie 2.0", true)]
    [InlineData("Het einde.", false)]
    [InlineData("‘Wat nu?’", false)]
    [InlineData("Een opsomming:", false)]
    [InlineData("“Weg ermee.”", false)]
    public void IsHeading_ShortParagraph_DependsOnFinalPunctuation(string paragraph, bool expected) =>
        Assert.Equal(expected, ArticleReader.IsHeading(paragraph, 80));

    [Fact]
    public void IsHeading_LongParagraphWithoutPunctuation_IsNotAHeading() =>
        Assert.False(ArticleReader.IsHeading(new string('x', 81), 80));
}
