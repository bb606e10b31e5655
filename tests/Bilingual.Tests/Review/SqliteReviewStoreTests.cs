using Bilingual.Core.Review;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Review;

public sealed class SqliteReviewStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("review-store-").FullName;

    private string DatabasePath => Path.Combine(_directory, "cache", "translations.db");

    private SqliteReviewStore Store() => new(Options.Create(new ReviewOptions { DatabasePath = DatabasePath }));

    private static ReviewCorrection Correction(string source, string target, DateTimeOffset at, string status = ReviewStatus.Corrected) =>
        new("nl", "en", source, target, status, "anna", at, "checked");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SaveAsync_ThenFindAsync_ReturnsTheCorrectionByNormalisedSource()
    {
        var at = new DateTimeOffset(2023, 4, 8, 9, 15, 30, 123, TimeSpan.Zero);
        await Store().SaveAsync([Correction("Een  zin\u0001.", "A sentence.", at)], CancellationToken.None);

        var found = await Store().FindAsync("nl", "en", ["Een zin.", "Andere zin."], CancellationToken.None);

        var correction = Assert.Single(found).Value;
        Assert.Equal("A sentence.", correction.TargetText);
        Assert.Equal(at, correction.ChangedAt);
        Assert.Equal("anna", correction.Reviewer);
        Assert.Equal("checked", correction.Comment);
        Assert.Equal(ReviewStatus.Corrected, correction.Status);
    }

    [Fact]
    public async Task SaveAsync_OlderDecision_DoesNotOverwriteNewer()
    {
        var store = Store();
        var noon = new DateTimeOffset(2023, 4, 8, 12, 0, 0, TimeSpan.Zero);
        await store.SaveAsync([Correction("Een zin.", "Newer.", noon)], CancellationToken.None);

        await store.SaveAsync([Correction("Een zin.", "Older.", noon.AddHours(-1))], CancellationToken.None);
        await store.SaveAsync([Correction("Twee.", "Two.", noon.AddHours(-1))], CancellationToken.None);

        var found = await store.FindAsync("nl", "en", ["Een zin.", "Twee."], CancellationToken.None);
        Assert.Equal("Newer.", found["Een zin."].TargetText);
        Assert.Equal("Two.", found["Twee."].TargetText);
    }

    [Fact]
    public async Task FindAsync_OtherLanguagePair_FindsNothing()
    {
        await Store().SaveAsync([Correction("Een zin.", "A sentence.", DateTimeOffset.UnixEpoch)], CancellationToken.None);

        Assert.Empty(await Store().FindAsync("nl", "de", ["Een zin."], CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_NoDatabaseFile_FindsNothingAndCreatesNoFile()
    {
        Assert.Empty(await Store().FindAsync("nl", "en", ["Een zin."], CancellationToken.None));
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task SaveAsync_SharedFile_LeavesTheTranslationCacheTableAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE translations (digest TEXT PRIMARY KEY, text TEXT); INSERT INTO translations VALUES ('abc', 'kept');";
            await command.ExecuteNonQueryAsync();
        }

        await Store().SaveAsync([Correction("Een zin.", "A sentence.", DateTimeOffset.UnixEpoch)], CancellationToken.None);

        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT group_concat(digest || '=' || text) FROM translations";
            Assert.Equal("abc=kept", await command.ExecuteScalarAsync());
        }
    }
}
