using System.Globalization;
using Bilingual.Core.Translation;
using Bilingual.Core.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Caching;

/// <summary>
/// Two layers: an <see cref="IMemoryCache"/> for the process, in front of a SQLite file that survives runs.
/// A hit in the file is promoted into memory; a write goes to both. The file is checked when it is first opened
/// (<see cref="CheckAsync"/> does it at the start of a job), and every failure of it is a <see cref="SetupException"/>
/// that names <c>Cache:Path</c>.
/// </summary>
internal sealed partial class SqliteTranslationCache : ITranslationCache, ISetupCheck, IDisposable
{
    private const string PathKey = CacheOptions.SectionName + ":" + nameof(CacheOptions.Path);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS translations (
            key              TEXT PRIMARY KEY,
            backend          TEXT NOT NULL,
            version          TEXT NOT NULL,
            fingerprint      TEXT NOT NULL,
            source_language  TEXT NOT NULL,
            target_language  TEXT NOT NULL,
            source           TEXT NOT NULL,
            target           TEXT NOT NULL,
            source_lengths   TEXT NULL,
            target_lengths   TEXT NULL,
            created_at       TEXT NOT NULL
        );
        """;

    private readonly MemoryCache _memory;
    private readonly string _connectionString;
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly TimeSpan _claimLease;
    private readonly SemaphoreSlim _initialise = new(1, 1);
    private volatile bool _initialised;

    public SqliteTranslationCache(IOptions<CacheOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _time = time;
        _claimLease = TimeSpan.FromSeconds(value.ClaimLeaseSeconds);
        _path = System.IO.Path.GetFullPath(value.Path);
        _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = value.MemoryEntryLimit });
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = value.BusyTimeoutSeconds,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The absolute path of the SQLite file.</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<TranslatedText?> GetAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var digest = key.Digest();
        if (_memory.TryGetValue(digest, out TranslatedText? cached))
        {
            return cached;
        }

        try
        {
            return await ReadAsync(digest, cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw SqliteStoreFile.Describe(exception, _path, PathKey);
        }
    }

    private async Task<TranslatedText?> ReadAsync(string digest, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT target, source_lengths, target_lengths FROM translations WHERE key = $key";
        command.Parameters.AddWithValue("$key", digest);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var value = new TranslatedText(
            reader.GetString(0),
            ParseLengths(reader.IsDBNull(1) ? null : reader.GetString(1)),
            ParseLengths(reader.IsDBNull(2) ? null : reader.GetString(2)));
        Remember(digest, value);
        return value;
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(TranslationCacheKey key, TranslatedText value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            await WriteAsync(key, value, cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw SqliteStoreFile.Describe(exception, _path, PathKey);
        }
    }

    private async Task WriteAsync(TranslationCacheKey key, TranslatedText value, CancellationToken cancellationToken)
    {
        var digest = key.Digest();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO translations (key, backend, version, fingerprint, source_language, target_language, source, target, source_lengths, target_lengths, created_at)
            VALUES ($key, $backend, $version, $fingerprint, $from, $to, $source, $target, $sourceLengths, $targetLengths, $createdAt)
            ON CONFLICT(key) DO UPDATE SET target = excluded.target, source_lengths = excluded.source_lengths,
                target_lengths = excluded.target_lengths, created_at = excluded.created_at
            """;
        command.Parameters.AddWithValue("$key", digest);
        command.Parameters.AddWithValue("$backend", key.Backend);
        command.Parameters.AddWithValue("$version", key.Version);
        command.Parameters.AddWithValue("$fingerprint", key.OptionsFingerprint);
        command.Parameters.AddWithValue("$from", key.From);
        command.Parameters.AddWithValue("$to", key.To);
        command.Parameters.AddWithValue("$source", key.SourceText);
        command.Parameters.AddWithValue("$target", value.Text);
        command.Parameters.AddWithValue("$sourceLengths", (object?)FormatLengths(value.SourceSentenceLengths) ?? DBNull.Value);
        command.Parameters.AddWithValue("$targetLengths", (object?)FormatLengths(value.TargetSentenceLengths) ?? DBNull.Value);
        command.Parameters.AddWithValue("$createdAt", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(digest, value);
    }

    public void Dispose()
    {
        _memory.Dispose();
        _initialise.Dispose();
    }

    private void Remember(string digest, TranslatedText value) =>
        _memory.Set(digest, value, new MemoryCacheEntryOptions { Size = 1 });

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            if (!_initialised)
            {
                await InitialiseAsync(connection, cancellationToken);
            }
            else
            {
                await connection.OpenAsync(cancellationToken);
            }

            return connection;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync();
            throw SqliteStoreFile.Describe(exception, _path, PathKey);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitialiseAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _initialise.WaitAsync(cancellationToken);
        try
        {
            SqliteStoreFile.PrepareFolder(_path, PathKey);
            await connection.OpenAsync(cancellationToken);
            if (_initialised)
            {
                return;
            }

            // Once per process, before the first query: damaged pages are found now, not by a query halfway through a run.
            await SqliteStoreFile.QuickCheckAsync(connection, _path, PathKey, cancellationToken);
            await using var command = connection.CreateCommand();
            // WAL lets a reader (the review command, sqlite3) look at the file while a run writes to it.
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _initialised = true;
        }
        finally
        {
            _initialise.Release();
        }
    }

    private static string? FormatLengths(IReadOnlyList<int>? lengths) =>
        lengths is null ? null : string.Join(',', lengths.Select(length => length.ToString(CultureInfo.InvariantCulture)));

    private static int[]? ParseLengths(string? text) =>
        text is null ? null
        : text.Length == 0 ? []
        : text.Split(',').Select(part => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
}
