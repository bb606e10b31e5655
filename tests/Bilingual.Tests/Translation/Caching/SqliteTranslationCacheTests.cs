using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Caching;
using Bilingual.Core.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Translation.Caching;

public sealed class SqliteTranslationCacheTests : IDisposable
{
    private static readonly TranslatorDescriptor Backend = new("azure", "3.0", "abc", new TranslatorLimits(1000, 50_000));
    private readonly string _directory = Directory.CreateTempSubdirectory("bilingual-cache-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string DatabasePath => Path.Combine(_directory, "nested", "translations.db");

    private SqliteTranslationCache CreateCache(int memoryEntries = 100) =>
        new(Options.Create(new CacheOptions { Path = DatabasePath, MemoryEntryLimit = memoryEntries }), new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task CheckAsync_DamagedPages_RefusesNamingTheKeyTheFileAndTheFix()
    {
        using (var first = CreateCache())
        {
            for (var i = 0; i < 200; i++)
            {
                await first.SetAsync(TranslationCacheKey.For(Backend, "nl", "en", $"Zin {i} " + new string('x', 200)), new TranslatedText("Sentence."), CancellationToken.None);
            }
        }

        SqliteConnection.ClearAllPools();
        Bilingual.Tests.Support.Faults.DamagePages(DatabasePath, firstPage: 3, pages: 4);
        using var cache = CreateCache();

        var error = await Assert.ThrowsAsync<SetupException>(() => cache.CheckAsync(CancellationToken.None));

        Assert.Equal("Cache:Path", error.Key);
        Assert.Equal(DatabasePath, error.FilePath);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("move it away", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_PathIsAFolder_RefusesNamingTheKey()
    {
        Directory.CreateDirectory(DatabasePath);
        using var cache = CreateCache();

        var error = await Assert.ThrowsAsync<SetupException>(() => cache.GetAsync(TranslationCacheKey.For(Backend, "nl", "en", "Hallo."), CancellationToken.None).AsTask());

        Assert.StartsWith($"Cache:Path is {DatabasePath}: this is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        using var cache = CreateCache();

        Assert.Null(await cache.GetAsync(TranslationCacheKey.For(Backend, "nl", "en", "Hallo."), CancellationToken.None));
    }

    [Fact]
    public async Task SetAsync_ThenNewInstance_ReadsItBackFromTheFile()
    {
        var key = TranslationCacheKey.For(Backend, "nl", "en", "Zo’n verbond bestaat al. Dat is de Unie.");
        var value = new TranslatedText("Such an alliance already exists. That is the Union.", [25, 15], [33, 18]);
        using (var first = CreateCache())
        {
            await first.SetAsync(key, value, CancellationToken.None);
        }

        using var second = CreateCache();
        var read = await second.GetAsync(key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(value.Text, read.Text);
        Assert.Equal([25, 15], read.SourceSentenceLengths);
        Assert.Equal([33, 18], read.TargetSentenceLengths);
        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task SetAsync_WithoutSentenceLengths_RoundTripsNulls()
    {
        var key = TranslationCacheKey.For(Backend, "nl", "en", "Kernwapens");
        using (var first = CreateCache())
        {
            await first.SetAsync(key, new TranslatedText("Nuclear weapons"), CancellationToken.None);
        }

        using var second = CreateCache();
        var read = await second.GetAsync(key, CancellationToken.None);

        Assert.Equal("Nuclear weapons", read!.Text);
        Assert.Null(read.SourceSentenceLengths);
        Assert.Null(read.TargetSentenceLengths);
    }

    [Theory]
    [InlineData("deepl", "3.0", "abc", "nl", "en")]
    [InlineData("azure", "3.1", "abc", "nl", "en")]
    [InlineData("azure", "3.0", "other-glossary", "nl", "en")]
    [InlineData("azure", "3.0", "abc", "nl", "de")]
    [InlineData("azure", "3.0", "abc", "de", "en")]
    public async Task GetAsync_AnyKeyPartDiffers_Misses(string backend, string version, string fingerprint, string from, string to)
    {
        using var cache = CreateCache();
        await cache.SetAsync(TranslationCacheKey.For(Backend, "nl", "en", "Tekst."), new TranslatedText("Text."), CancellationToken.None);

        var other = new TranslationCacheKey(backend, version, fingerprint, from, to, "Tekst.");

        Assert.Null(await cache.GetAsync(other, CancellationToken.None));
    }

    [Fact]
    public void Digest_FieldBoundaries_DoNotCollide()
    {
        var a = new TranslationCacheKey("ab", "c", "", "nl", "en", "x");
        var b = new TranslationCacheKey("a", "bc", "", "nl", "en", "x");

        Assert.NotEqual(a.Digest(), b.Digest());
        Assert.Equal(64, a.Digest().Length);
    }

    [Fact]
    public async Task SetAsync_SameKeyTwice_KeepsTheLatest()
    {
        var key = TranslationCacheKey.For(Backend, "nl", "en", "Poetin");
        using var cache = CreateCache();
        await cache.SetAsync(key, new TranslatedText("Poetin"), CancellationToken.None);
        await cache.SetAsync(key, new TranslatedText("Putin"), CancellationToken.None);

        using var fresh = CreateCache();

        Assert.Equal("Putin", (await fresh.GetAsync(key, CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task GetAsync_MemoryLayer_AnswersWithoutTheFile()
    {
        var key = TranslationCacheKey.For(Backend, "nl", "en", "Minsk");
        using var cache = CreateCache();
        await cache.SetAsync(key, new TranslatedText("Minsk"), CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM translations";
            await delete.ExecuteNonQueryAsync();
        }

        Assert.Equal("Minsk", (await cache.GetAsync(key, CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task SetAsync_ManyConcurrentWriters_AllLand()
    {
        using var cache = CreateCache(memoryEntries: 10);
        var keys = Enumerable.Range(0, 200).Select(i => TranslationCacheKey.For(Backend, "nl", "en", $"Zin {i}.")).ToList();

        await Parallel.ForEachAsync(keys, async (key, token) => await cache.SetAsync(key, new TranslatedText(key.SourceText.Replace("Zin", "Sentence", StringComparison.Ordinal)), token));

        using var fresh = CreateCache(memoryEntries: 10);
        foreach (var key in keys)
        {
            Assert.Equal(key.SourceText.Replace("Zin", "Sentence", StringComparison.Ordinal), (await fresh.GetAsync(key, CancellationToken.None))!.Text);
        }
    }

    [Fact]
    public async Task GetAsync_FileIsNotSqlite_NamesTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllTextAsync(DatabasePath, "this is not a database, just text that is long enough to have a header of its own......");
        using var cache = CreateCache();

        var error = await Assert.ThrowsAsync<SetupException>(() => cache.GetAsync(TranslationCacheKey.For(Backend, "nl", "en", "x"), CancellationToken.None).AsTask());

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("Cache:Path", error.Message, StringComparison.Ordinal);
    }
}
