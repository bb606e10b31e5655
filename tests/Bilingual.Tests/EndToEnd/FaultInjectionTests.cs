using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bilingual.Tests.EndToEnd;

/// <summary>
/// The faults of issue 16 outside the translation service, planted in a real translate job: each must stop the run
/// loudly (exit code 2, one line naming the key or file, <c>run.json</c> where it can be written) or stay local to
/// the entry it hit.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    // A hang is a failure, not a wait: every run is bounded. Far above a run's seconds on a busy machine.
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly TranslateJob _job = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _error.Dispose();
        _job.Dispose();
    }

    private Task<int> RunAsync(string? cachePath = null, string? output = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (cachePath is not null)
        {
            settings["Cache:Path"] = cachePath;
        }

        if (output is not null)
        {
            settings["Pipeline:OutputDirectory"] = output;
        }

        return _job.RunAsync(settings, _error).WaitAsync(Bound);
    }

    private void AssertStoppedRunReport(string key)
    {
        var report = _job.RunReport();
        Assert.Contains(key, report.GetProperty("stopped").GetString(), StringComparison.Ordinal);
        var article = Assert.Single(report.GetProperty("articles").EnumerateArray());
        Assert.Equal("failed", article.GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("totals").GetProperty("failed").GetInt32());
    }

    [SkippableFact]
    public async Task Run_CachePathIsAFolder_ExitsTwoNamingTheKeyAndWritesRunJson()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        var folder = Directory.CreateDirectory(Path.Combine(_job.Root, "cache-folder")).FullName;

        var exitCode = await RunAsync(cachePath: folder);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(_error.ToString().TrimEnd().Split('\n'));
        Assert.Contains("Cache:Path", line, StringComparison.Ordinal);
        Assert.Contains(folder, line, StringComparison.Ordinal);
        Assert.Contains("folder", line, StringComparison.Ordinal);
        AssertStoppedRunReport("Cache:Path");
        Assert.False(File.Exists(_job.OutputFile(TranslateJob.SeedName + ".en.txt")));
    }

    [SkippableFact]
    public async Task Run_CacheFolderCannotBeCreated_ExitsTwoNamingTheKey()
    {
        TranslateJob.RequireOfflineDictionary();
        var seed = _job.AddSeed();

        // A file where the cache's folder should be: no user, root included, can create that folder.
        var exitCode = await RunAsync(cachePath: Path.Combine(seed, "translations.db"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Cache:Path", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("cannot be created", _error.ToString(), StringComparison.Ordinal);
        AssertStoppedRunReport("Cache:Path");
    }

    [SkippableFact]
    public async Task Run_CacheFolderNotWritable_ExitsTwoNamingTheKey()
    {
        TranslateJob.RequireOfflineDictionary();
        Skip.If(Faults.IsRoot, "root writes where permissions say no");
        Skip.IfNot(OperatingSystem.IsLinux(), "Unix permissions");
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _job.AddSeed();
        var folder = Directory.CreateDirectory(Path.Combine(_job.Root, "read-only")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var exitCode = await RunAsync(cachePath: Path.Combine(folder, "translations.db"));

            Assert.Equal(2, exitCode);
            Assert.Contains("Cache:Path", _error.ToString(), StringComparison.Ordinal);
            AssertStoppedRunReport("Cache:Path");
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [SkippableFact]
    public async Task Run_CacheFileWithDamagedPages_ExitsTwoWithTheFixAndTranslatesNothing()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        CreateCacheOfPages(_job.CachePath, pages: 12);
        Faults.DamagePages(_job.CachePath, firstPage: 3, pages: 4);

        var exitCode = await RunAsync();

        Assert.Equal(2, exitCode);
        var message = _error.ToString();
        Assert.Contains("Cache:Path", message, StringComparison.Ordinal);
        Assert.Contains(_job.CachePath, message, StringComparison.Ordinal);
        Assert.Contains("damaged", message, StringComparison.Ordinal);
        Assert.Contains("move it away", message, StringComparison.Ordinal);
        AssertStoppedRunReport("quick_check");
        Assert.Equal(0, _job.RunReport().GetProperty("totals").GetProperty("backendCalls").GetInt32());
    }

    [SkippableFact]
    public async Task Run_CacheFileNotADatabase_ExitsTwoNamingTheFile()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        Directory.CreateDirectory(Path.GetDirectoryName(_job.CachePath)!);
        await File.WriteAllTextAsync(_job.CachePath, "these are notes, not a database\n");

        var exitCode = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains(_job.CachePath, _error.ToString(), StringComparison.Ordinal);
        AssertStoppedRunReport("Cache:Path");
    }

    [SkippableFact]
    public async Task Run_OutputFolderIsAFile_ExitsTwoNamingTheKey()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        var file = Path.Combine(_job.Root, "out-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var exitCode = await RunAsync(output: file);

        Assert.Equal(2, exitCode);
        Assert.Contains("Pipeline:OutputDirectory", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains(file, _error.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Run_NamedPipeBesideTheSeed_PipeSkippedSeedWritten()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        var pipe = Faults.MakeNamedPipe(Path.Combine(_job.Input, "pipe.txt"));
        try
        {
            var exitCode = await RunAsync();

            Assert.Equal(0, exitCode);
            Assert.True(File.Exists(_job.OutputFile(TranslateJob.SeedName + ".en.txt")));
            var files = _job.RunReport().GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("file").GetString()).ToList();
            Assert.DoesNotContain(pipe, files);
        }
        finally
        {
            File.Delete(pipe);
        }
    }

    [SkippableFact]
    public async Task Run_TemporaryFilesOfAKilledRun_RemovedAtStartOthersKept()
    {
        TranslateJob.RequireOfflineDictionary();
        _job.AddSeed();
        Directory.CreateDirectory(_job.Output);
        var stale = Path.Combine(_job.Output, $".{TranslateJob.SeedName}.tmx.{Guid.NewGuid():N}.tmp");
        var unlike = Path.Combine(_job.Output, ".notes.tmp");
        var notOurs = Path.Combine(_job.Output, $".draft.{Guid.NewGuid():N}.tmp.bak");
        var current = Path.Combine(_job.Output, $".{TranslateJob.SeedName}.html.{Guid.NewGuid():N}.tmp");
        foreach (var file in new[] { stale, unlike, notOurs, current })
        {
            await File.WriteAllTextAsync(file, "<tmx version=\"1.4\"><bo");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-1));
        }

        // A write of this process (or a later one) is newer than the process start: never removed.
        File.SetLastWriteTimeUtc(current, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(0, await RunAsync());

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(unlike));
        Assert.True(File.Exists(notOurs));
        Assert.True(File.Exists(current));
        Assert.NotNull(await TmxReader.ReadAsync(_job.OutputFile(TranslateJob.SeedName + ".tmx"), CancellationToken.None));
    }

    [Fact]
    public async Task Run_ArticleWithLiteralDictionaryMarkupAgainstTheAzureFake_MarkupStaysTextNothingInjected()
    {
        await using var server = await FakeTranslatorServer.StartAsync();
        const string literal = """<mstrans:dictionary translation="ingespoten">""";
        _job.Add("hostile.txt", $"De {literal}Navo</mstrans:dictionary> zweeg.\n");

        var exitCode = await _job.RunAsync(new Dictionary<string, string?>
        {
            ["Translation:Azure:Endpoint"] = server.Endpoint.ToString(),
            ["Translation:Azure:Key"] = server.Options.Key,
        }, _error).WaitAsync(Bound);

        Assert.Equal(0, exitCode);
        var edition = await File.ReadAllTextAsync(_job.OutputFile("hostile.en.txt"));
        // The service applied only our markup: the glossary's NATO, the article's tags back as they were written.
        Assert.Contains($"{literal}NATO</mstrans:dictionary>", edition, StringComparison.Ordinal);
        Assert.DoesNotContain("Navo", edition, StringComparison.Ordinal);
    }

    /// <summary>A SQLite file with the cache's table and enough rows to fill <paramref name="pages"/> pages.</summary>
    private static void CreateCacheOfPages(string path, int pages)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE notes (key TEXT PRIMARY KEY, text TEXT NOT NULL);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
                INSERT INTO notes SELECT printf('key-%06d', i), printf('%.200c', 'x') FROM n;
                """;
            command.Parameters.AddWithValue("$rows", pages * 16);
            command.ExecuteNonQuery();
        }

        Assert.True(new FileInfo(path).Length >= 4096L * 8, "the file must reach the damaged pages");
    }
}
