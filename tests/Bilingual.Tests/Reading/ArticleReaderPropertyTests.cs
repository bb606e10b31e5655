using Bilingual.Core.Reading;
using Bilingual.Tests.Support;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Reading;

/// <summary>Issue 16: random article bytes fed to the reader never hang it and never get past it half-checked.</summary>
public sealed class ArticleReaderPropertyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bilingual-reader-property-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Property(MaxTest = 60, Arbitrary = [typeof(ArticleArbitraries)])]
    public async Task<bool> ReadAsync_AnyBytes_AnArticleWithCleanParagraphsOrARefusalNamingTheFile(ArticleBytes article)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(path, article.Bytes);
        // The limit is small so that some examples are refused for their size.
        var reader = new ArticleReader(Options.Create(new ReadingOptions { MaxFileBytes = 1024 }));
        // Never a hang: the read is bounded, and running into the bound fails the property.
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var read = await reader.ReadAsync(path, "nl", bound.Token).WaitAsync(bound.Token);
            return read.Paragraphs.Count > 0
                && read.Paragraphs.All(p => p.Text.Length > 0 && p.Text == p.Text.Trim() && !p.Text.Any(char.IsControl));
        }
        catch (ArticleFormatException exception)
        {
            return exception.Message.StartsWith(path + ": ", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(exception.Problem);
        }
    }
}
