using System.Globalization;
using Bilingual.Core.Translation.Caching;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Jobs;

/// <summary>
/// Keeps jobs in the tables <c>jobs</c> and <c>job_articles</c> of the embedded SQLite file (by default the translation
/// cache's), created and migrated at first use; <c>schema_versions</c> records the version. Every change is one
/// transaction, so a process killed at any moment leaves each job in its last stored state.
/// </summary>
internal sealed class SqliteJobStore(IOptions<JobOptions> options, TimeProvider time) : IJobStore, IDisposable
{
    /// <summary>The schema this code reads and writes.</summary>
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS jobs (
            id              TEXT PRIMARY KEY,
            client          TEXT NOT NULL,
            status          INTEGER NOT NULL,
            backend         TEXT NOT NULL,
            from_lang       TEXT NOT NULL,
            to_lang         TEXT NOT NULL,
            created_at      TEXT NOT NULL,
            started_at      TEXT,
            finished_at     TEXT,
            expires_at      TEXT NOT NULL,
            error           TEXT,
            requests        INTEGER NOT NULL DEFAULT 0,
            billed          INTEGER NOT NULL DEFAULT 0,
            cache_hits      INTEGER NOT NULL DEFAULT 0,
            idempotency_key TEXT,
            request_hash    TEXT NOT NULL,
            key_expires_at  TEXT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS jobs_idempotency ON jobs (client, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS jobs_unfinished ON jobs (status, created_at);
        CREATE TABLE IF NOT EXISTS job_articles (
            job_id    TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            name      TEXT NOT NULL,
            text      TEXT NOT NULL,
            status    INTEGER NOT NULL,
            done      INTEGER NOT NULL DEFAULT 0,
            total     INTEGER NOT NULL DEFAULT 0,
            error     TEXT,
            outputs   TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (job_id, position)
        ) WITHOUT ROWID;
        INSERT INTO schema_versions (component, version) VALUES ('jobs', 1) ON CONFLICT (component) DO NOTHING;
        """;

    // Dates are stored as fixed-width UTC ISO 8601 text, so comparing the strings compares the instants.
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly JobOptions _options = options.Value;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _created;

    /// <inheritdoc />
    public void Dispose() => _schema.Dispose();

    /// <inheritdoc />
    public async Task<(TranslationJob Job, bool Created)> CreateAsync(
        JobSubmission submission, string client, string backend, string sourceLanguage, string targetLanguage, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        if (idempotencyKey is not null)
        {
            await using var find = Command(connection, transaction, "SELECT id, request_hash FROM jobs WHERE client = $client AND idempotency_key = $key");
            find.Parameters.AddWithValue("$client", client);
            find.Parameters.AddWithValue("$key", idempotencyKey);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var (existing, hash) = (reader.GetString(0), reader.GetString(1));
                if (!string.Equals(hash, requestHash, StringComparison.Ordinal))
                {
                    throw new IdempotencyConflictException($"Idempotency-Key '{idempotencyKey}' was used for another request (job {existing}).");
                }

                await reader.DisposeAsync();
                await transaction.CommitAsync(cancellationToken);
                return ((await GetAsync(existing, cancellationToken))!, false);
            }
        }

        var now = time.GetUtcNow();
        var id = NewId();
        await using (var insert = Command(connection, transaction, """
            INSERT INTO jobs (id, client, status, backend, from_lang, to_lang, created_at, expires_at, idempotency_key, request_hash, key_expires_at)
            VALUES ($id, $client, $status, $backend, $from, $to, $created, $expires, $key, $hash, $keyExpires)
            """))
        {
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$client", client);
            insert.Parameters.AddWithValue("$status", (int)JobStatus.Queued);
            insert.Parameters.AddWithValue("$backend", backend);
            insert.Parameters.AddWithValue("$from", sourceLanguage);
            insert.Parameters.AddWithValue("$to", targetLanguage);
            insert.Parameters.AddWithValue("$created", Date(now));
            insert.Parameters.AddWithValue("$expires", Date(now.AddHours(_options.RetentionHours)));
            insert.Parameters.AddWithValue("$key", (object?)idempotencyKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("$hash", requestHash);
            insert.Parameters.AddWithValue("$keyExpires", idempotencyKey is null ? DBNull.Value : Date(now.AddHours(_options.IdempotencyHours)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var article = Command(connection, transaction,
            "INSERT INTO job_articles (job_id, position, name, text, status) VALUES ($id, $position, $name, $text, $status)"))
        {
            article.Parameters.AddWithValue("$id", id);
            var position = article.Parameters.Add("$position", SqliteType.Integer);
            var name = article.Parameters.Add("$name", SqliteType.Text);
            var text = article.Parameters.Add("$text", SqliteType.Text);
            article.Parameters.AddWithValue("$status", (int)JobArticleStatus.Queued);
            for (var i = 0; i < submission.Articles.Count; i++)
            {
                position.Value = i;
                name.Value = submission.Articles[i].Name;
                text.Value = submission.Articles[i].Text;
                await article.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ((await GetAsync(id, cancellationToken))!, true);
    }

    /// <inheritdoc />
    public async Task<TranslationJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT client, status, backend, from_lang, to_lang, created_at, started_at, finished_at, expires_at, error, requests, billed, cache_hits
            FROM jobs WHERE id = $id
            """);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var job = new TranslationJob(
            id,
            reader.GetString(0),
            (JobStatus)reader.GetInt32(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            [],
            new JobTotals(reader.GetInt32(10), reader.GetInt64(11), reader.GetInt32(12)),
            ParseDate(reader.GetString(5)),
            reader.IsDBNull(6) ? null : ParseDate(reader.GetString(6)),
            reader.IsDBNull(7) ? null : ParseDate(reader.GetString(7)),
            ParseDate(reader.GetString(8)),
            reader.IsDBNull(9) ? null : reader.GetString(9));
        await reader.DisposeAsync();

        await using var articles = Command(connection, null,
            "SELECT name, status, done, total, error, outputs FROM job_articles WHERE job_id = $id ORDER BY position");
        articles.Parameters.AddWithValue("$id", id);
        await using var rows = await articles.ExecuteReaderAsync(cancellationToken);
        var list = new List<JobArticle>();
        while (await rows.ReadAsync(cancellationToken))
        {
            list.Add(new JobArticle(
                rows.GetString(0),
                (JobArticleStatus)rows.GetInt32(1),
                rows.GetInt32(2),
                rows.GetInt32(3),
                rows.IsDBNull(4) ? null : rows.GetString(4),
                rows.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }

        return job with { Articles = list };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubmittedArticle>> GetArticlesAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT name, text FROM job_articles WHERE job_id = $id ORDER BY position");
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var articles = new List<SubmittedArticle>();
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new SubmittedArticle(reader.GetString(0), reader.GetString(1)));
        }

        return articles;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT id FROM jobs WHERE status IN ($queued, $running) ORDER BY created_at, id");
        command.Parameters.AddWithValue("$queued", (int)JobStatus.Queued);
        command.Parameters.AddWithValue("$running", (int)JobStatus.Running);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <inheritdoc />
    public Task StartAsync(string id, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE jobs SET status = $running, started_at = COALESCE(started_at, $now) WHERE id = $id AND status IN ($queued, $running)",
        cancellationToken,
        ("$id", id), ("$running", (int)JobStatus.Running), ("$queued", (int)JobStatus.Queued), ("$now", Date(time.GetUtcNow())));

    /// <inheritdoc />
    public Task UpdateArticleAsync(string id, int position, JobArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return ExecuteAsync(
            "UPDATE job_articles SET status = $status, done = $done, total = $total, error = $error, outputs = $outputs WHERE job_id = $id AND position = $position",
            cancellationToken,
            ("$id", id), ("$position", position), ("$status", (int)article.Status), ("$done", article.ParagraphsDone), ("$total", article.ParagraphsTotal),
            ("$error", (object?)article.Error ?? DBNull.Value), ("$outputs", string.Join(',', article.Outputs)));
    }

    /// <inheritdoc />
    public Task AddTotalsAsync(string id, JobTotals totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return ExecuteAsync(
            "UPDATE jobs SET requests = requests + $requests, billed = billed + $billed, cache_hits = cache_hits + $hits WHERE id = $id",
            cancellationToken,
            ("$id", id), ("$requests", totals.BackendRequests), ("$billed", totals.CharactersBilled), ("$hits", totals.CacheHits));
    }

    /// <inheritdoc />
    public Task FinishAsync(string id, JobStatus status, JobTotals totals, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var now = time.GetUtcNow();
        // Results stay for the retention counted from the end of the job, not from its submission.
        return ExecuteAsync(
            """
            UPDATE jobs SET status = $status, finished_at = $now, expires_at = $expires, error = $error,
                requests = requests + $requests, billed = billed + $billed, cache_hits = cache_hits + $hits
            WHERE id = $id AND status IN ($queued, $running)
            """,
            cancellationToken,
            ("$id", id), ("$status", (int)status), ("$now", Date(now)), ("$expires", Date(now.AddHours(_options.RetentionHours))),
            ("$error", (object?)reason ?? DBNull.Value), ("$requests", totals.BackendRequests), ("$billed", totals.CharactersBilled),
            ("$hits", totals.CacheHits), ("$queued", (int)JobStatus.Queued), ("$running", (int)JobStatus.Running));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Date(time.GetUtcNow());
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var keys = Command(connection, transaction, "UPDATE jobs SET idempotency_key = NULL, key_expires_at = NULL WHERE key_expires_at < $now"))
        {
            keys.Parameters.AddWithValue("$now", now);
            await keys.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = new List<string>();
        await using (var find = Command(connection, transaction, "SELECT id FROM jobs WHERE finished_at IS NOT NULL AND expires_at < $now"))
        {
            find.Parameters.AddWithValue("$now", now);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        foreach (var table in new[] { "job_articles WHERE job_id", "jobs WHERE id" })
        {
            await using var delete = Command(connection, transaction, $"DELETE FROM {table} = $id");
            var parameter = delete.Parameters.Add("$id", SqliteType.Text);
            foreach (var id in ids)
            {
                parameter.Value = id;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>A job id: 128 random bits as 26 lower-case base-32 letters and digits, safe in a URL and a file name.</summary>
    private static string NewId()
    {
        const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        Span<byte> bytes = stackalloc byte[17];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes[..16]);
        var id = new char[26];
        for (var i = 0; i < 26; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | bytes[(bit / 8) + 1]) >> (11 - (bit % 8));
            id[i] = Alphabet[value & 31];
        }

        return new string(id);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var path = _options.DatabasePath ?? throw new InvalidOperationException("Api:DatabasePath is not set.");
        SqliteStoreFile.PrepareFolder(Path.GetFullPath(path), "Api:DatabasePath");

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            DefaultTimeout = 30,
            ForeignKeys = true,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        if (!_created)
        {
            await _schema.WaitAsync(cancellationToken);
            try
            {
                if (!_created)
                {
                    await using var create = Command(connection, null, Schema);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                    await using var version = Command(connection, null, "SELECT version FROM schema_versions WHERE component = 'jobs'");
                    var stored = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                    if (stored > SchemaVersion)
                    {
                        throw new InvalidOperationException(
                            $"{path}: its job tables are at schema version {stored}, newer than this program's {SchemaVersion}; run a newer bilingual.");
                    }

                    _created = true;
                }
            }
            finally
            {
                _schema.Release();
            }
        }

        return connection;
    }

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.ParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
