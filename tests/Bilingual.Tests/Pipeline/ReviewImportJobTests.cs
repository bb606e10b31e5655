using Bilingual.Core.Pipeline;
using Bilingual.Core.Review;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Pipeline;

/// <summary>Issue 16, case 5: <c>review apply</c> refuses a file or a segment over its limits before it stores anything.</summary>
public sealed class ReviewImportJobTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bilingual-import-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Database => Path.Combine(_directory, "tm.db");

    private ReviewImportJob CreateJob(long maxBytes = 64L << 20, int maxSegment = 100_000)
    {
        var options = Options.Create(new ReviewOptions { DatabasePath = Database, MaxImportBytes = maxBytes, MaxSegmentCharacters = maxSegment });
        return new ReviewImportJob(new SqliteReviewStore(options), options);
    }

    private static string Tmx(string target) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="Bilingual" creationtoolversion="1.0" segtype="sentence" o-tmf="Bilingual" adminlang="en" srclang="nl" datatype="plaintext"/>
          <body>
            <tu tuid="p0-b1" changedate="20230408T093000Z"><prop type="x-status">corrected</prop>
              <tuv xml:lang="nl"><seg>Twee.</seg></tuv><tuv xml:lang="en"><seg>{target}</seg></tuv></tu>
          </body>
        </tmx>
        """;

    [Fact]
    public async Task ImportAsync_FileOverTheLimit_RefusedBeforeReadingNamingTheKey()
    {
        var path = Path.Combine(_directory, "huge.json");
        // Not even JSON: the size is refused before the content is looked at.
        await File.WriteAllTextAsync(path, "{" + new string(' ', 4096));

        var error = await Assert.ThrowsAsync<JobInputException>(() => CreateJob(maxBytes: 1024).ImportAsync(path, null, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Review:MaxImportBytes", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task ImportAsync_TmxSegOverTheLimit_RefusedAndNothingStored()
    {
        var path = Path.Combine(_directory, "doc.reviewed.tmx");
        await File.WriteAllTextAsync(path, Tmx(new string('x', 5000)));

        var error = await Assert.ThrowsAsync<JobInputException>(() => CreateJob(maxSegment: 1000).ImportAsync(path, null, CancellationToken.None));

        Assert.Contains("tu p0-b1", error.Message, StringComparison.Ordinal);
        Assert.Contains("5,000 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("Review:MaxSegmentCharacters", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task ImportAsync_JsonTargetOverTheLimit_RefusedAndNothingStored()
    {
        var path = Path.Combine(_directory, "doc.review.json");
        await File.WriteAllTextAsync(path, $$"""
            {"format": "bilingual-review-changes", "version": 1, "sourceLanguage": "nl", "targetLanguage": "en",
             "changes": [{"id": "p0-b0", "source": "Een.", "originalTarget": "One.", "target": "{{new string('x', 5000)}}"}]}
            """);

        var error = await Assert.ThrowsAsync<JobInputException>(() => CreateJob(maxSegment: 1000).ImportAsync(path, null, CancellationToken.None));

        Assert.Contains("change p0-b0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Review:MaxSegmentCharacters", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task ImportAsync_WithinTheLimits_Stored()
    {
        var path = Path.Combine(_directory, "doc.reviewed.tmx");
        await File.WriteAllTextAsync(path, Tmx("Two."));

        var result = await CreateJob(maxBytes: 4096, maxSegment: 1000).ImportAsync(path, null, CancellationToken.None);

        Assert.Equal(1, result.Stored);
    }
}
