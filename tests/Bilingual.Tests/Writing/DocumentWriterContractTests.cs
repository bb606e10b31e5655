using Bilingual.Core.Documents;
using Bilingual.Core.Writing;

namespace Bilingual.Tests.Writing;

/// <summary>
/// What every output writer must do, whatever it renders. Each writer's test class inherits this and
/// supplies the writer, the file name it should produce and a way to read the output back as text.
/// </summary>
public abstract class DocumentWriterContractTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    /// <summary>A fresh, empty folder for this test's outputs.</summary>
    protected string OutputDirectory => _directory.Path;

    /// <summary>Creates the writer under test.</summary>
    protected abstract IDocumentWriter CreateWriter();

    /// <summary>The file name the writer must give the output for <paramref name="document"/>.</summary>
    protected abstract string ExpectedFileName(BilingualDocument document);

    /// <summary>
    /// The text a reader of the output sees, markup decoded (entities resolved, tags gone), so the test can
    /// look for each target sentence in it.
    /// </summary>
    protected abstract Task<string> ReadBackTextAsync(string path);

    [SkippableFact]
    public async Task WriteAsync_Sample_NamesFileAfterDocumentInOutputDirectory()
    {
        var document = SampleDocuments.Belarus();

        var path = await CreateWriter().WriteAsync(document, OutputDirectory, CancellationToken.None);

        Assert.Equal(Path.Combine(OutputDirectory, ExpectedFileName(document)), path);
        Assert.StartsWith(document.Name + ".", ExpectedFileName(document), StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [SkippableFact]
    public async Task WriteAsync_Sample_LeavesNoTemporaryFiles()
    {
        var path = await CreateWriter().WriteAsync(SampleDocuments.Belarus(), OutputDirectory, CancellationToken.None);

        Assert.Equal([path], Directory.GetFiles(OutputDirectory, "*", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public async Task WriteAsync_ExistingFile_IsReplacedWhole()
    {
        var document = SampleDocuments.Belarus();
        var path = Path.Combine(OutputDirectory, ExpectedFileName(document));
        await File.WriteAllTextAsync(path, "stale output " + new string('x', 200_000));

        await CreateWriter().WriteAsync(document, OutputDirectory, CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("stale output", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxx", text, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(OutputDirectory));
    }

    [SkippableFact]
    public async Task WriteAsync_MissingDirectory_IsCreated()
    {
        var directory = Path.Combine(OutputDirectory, "new", "folder");

        var path = await CreateWriter().WriteAsync(SampleDocuments.Belarus(), directory, CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(directory), Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    [SkippableFact]
    public async Task WriteAsync_Cancelled_ThrowsAndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CreateWriter().WriteAsync(SampleDocuments.Belarus(), OutputDirectory, cancelled.Token));

        Assert.Empty(Directory.GetFiles(OutputDirectory, "*", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public async Task WriteAsync_Sample_EveryTargetSentenceIsReadBack()
    {
        var document = SampleDocuments.Belarus();

        var text = await ReadBackTextAsync(await CreateWriter().WriteAsync(document, OutputDirectory, CancellationToken.None));

        var sentences = document.Paragraphs.SelectMany(p => p.TargetSegments).Select(s => s.Text).ToList();
        Assert.Equal(29, sentences.Count);
        Assert.All(sentences, sentence => Assert.Contains(sentence, text, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task WriteAsync_HostileText_ComesBackVerbatimWithoutIllegalCharacters()
    {
        var text = await ReadBackTextAsync(await CreateWriter().WriteAsync(SampleDocuments.Hostile(), OutputDirectory, CancellationToken.None));

        Assert.All(SampleDocuments.HostileExpected, pair => Assert.Contains(pair.Target, text, StringComparison.Ordinal));
        Assert.DoesNotContain(text, c => c is < ' ' and not ('\t' or '\n' or '\r') or '\uFFFE' or '\uFFFF');
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            Assert.False(char.IsSurrogate(text[i]), $"lone surrogate U+{(int)text[i]:X4} at {i}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
