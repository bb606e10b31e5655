using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Caching;
using Bilingual.Core.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
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

    [Fact]
    public async Task TryClaimAsync_TwoCachesOnOneFile_OnlyTheFirstGetsTheKeyUntilItReleasesIt()
    {
        var clock = Clock();
        using var first = CreateCache(clock);
        using var second = CreateCache(clock);
        var key = Hallo;

        Assert.True(await first.TryClaimAsync(key, CancellationToken.None));
        Assert.False(await second.TryClaimAsync(key, CancellationToken.None));
        Assert.True(await first.TryClaimAsync(key, CancellationToken.None));
        await second.ReleaseAsync(key, CancellationToken.None);
        Assert.False(await second.TryClaimAsync(key, CancellationToken.None));
        await first.ReleaseAsync(key, CancellationToken.None);

        Assert.True(await second.TryClaimAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_LeaseRunOut_IsTakenOver()
    {
        var clock = Clock();
        using var dead = CreateCache(clock);
        using var alive = CreateCache(clock);
        var key = Hallo;
        Assert.True(await dead.TryClaimAsync(key, CancellationToken.None));

        clock.Advance(dead.Lease - TimeSpan.FromSeconds(1));
        Assert.False(await alive.TryClaimAsync(key, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await alive.TryClaimAsync(key, CancellationToken.None));
        Assert.False(await dead.TryClaimAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task TranslationService_TwoProcessesOnOneCacheFile_SendEachParagraphOnce()
    {
        // Issue 16, case 8: two processes on the same cache billed every paragraph twice.
        var clock = Clock();
        using var firstCache = CreateCache(clock);
        using var secondCache = CreateCache(clock);
        var backend = new CountingTranslator(new TranslatorLimits(5, 100_000), remote: true)
        {
            // Slow enough that both processes are at work at once: each request waits a second of the shared clock.
            OnRequest = (_, token) => Task.Delay(TimeSpan.FromSeconds(1), clock, token),
        };
        var paragraphs = Enumerable.Range(0, 40).Select(i => $"Alinea {i} van het artikel.").ToArray();

        var first = Service(backend, firstCache, clock).TranslateAsync(paragraphs, CancellationToken.None);
        var second = Service(backend, secondCache, clock).TranslateAsync(paragraphs.Reverse().ToArray(), CancellationToken.None);
        var both = Task.WhenAll(first, second);
        for (var i = 0; i < 2_000 && !both.IsCompleted; i++)
        {
            await Task.Delay(2);
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        var results = await both;
        Assert.All(results.SelectMany(r => r.Paragraphs), p => Assert.Null(p.Error));
        var sent = backend.Requests.SelectMany(r => r).ToList();
        Assert.Equal(paragraphs.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        Assert.Equal(paragraphs.Length, results.Sum(r => r.Paragraphs.Count(p => !p.FromCache)));
    }

    [Fact]
    public async Task TranslationService_ClaimOfADeadProcess_IsWaitedForThenTakenOverWhenItsLeaseRunsOut()
    {
        var clock = Clock();
        using var dead = CreateCache(clock);
        using var alive = CreateCache(clock);
        var backend = new CountingTranslator(new TranslatorLimits(5, 100_000), remote: true);
        var descriptor = backend.Descriptor;
        Assert.True(await dead.TryClaimAsync(TranslationCacheKey.For(descriptor, "nl", "en", "Twee."), CancellationToken.None));

        var task = Service(backend, alive, clock).TranslateAsync(["Een.", "Twee."], CancellationToken.None);
        for (var i = 0; i < 200 && backend.Requests.IsEmpty; i++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(["Een."], Assert.Single(backend.Requests));
        clock.Advance(alive.Lease / 2);
        await Task.Delay(50);
        Assert.Single(backend.Requests);
        for (var i = 0; i < 2_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(2);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        var result = await task;
        Assert.Equal("TWEE.", result.Paragraphs[1].Translation!.Text);
        Assert.Equal(["Twee."], backend.Requests.Last());
    }

    private static TranslationCacheKey Hallo => TranslationCacheKey.For(Backend, "nl", "en", "Hallo.");

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));

    private SqliteTranslationCache CreateCache(TimeProvider clock) =>
        new(Options.Create(new CacheOptions { Path = DatabasePath, MemoryEntryLimit = 100 }), clock);

    private static TranslationService Service(ITextTranslator backend, ITranslationCache cache, TimeProvider clock) =>
        new(backend, cache, clock, NullLogger<TranslationService>.Instance, Options.Create(new TranslationOptions()),
            Options.Create(new BatchingOptions { MaxConcurrentRequests = 2 }), segmenter: null, claims: (ITranslationClaims)cache);
}
