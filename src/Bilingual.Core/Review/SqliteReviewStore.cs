using System.Globalization;
using Bilingual.Core.Text;
using Bilingual.Core.Translation.Caching;
using Bilingual.Core.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Review;

/// <summary>
/// Keeps corrections in the table <c>review_corrections</c> of the translation memory's SQLite file; it
/// never reads or writes the other tables of that file. The file is checked the first time it is opened, and
/// every failure of it is a <see cref="SetupException"/> naming the key.
/// </summary>
internal sealed class SqliteReviewStore(IOptions<ReviewOptions> options) : IReviewStore, ISetupCheck
{
    // The corrections live in the cache file unless Review:DatabasePath moves them; the message names both keys.
    private const string PathKey = "Review:DatabasePath (default Cache:Path)";

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS review_corrections (
            source_lang TEXT NOT NULL,
            target_lang TEXT NOT NULL,
            source_key  TEXT NOT NULL,
            source_text TEXT NOT NULL,
            target_text TEXT NOT NULL,
            status      TEXT NOT NULL,
            reviewer    TEXT,
            changed_at  TEXT NOT NULL,
            comment     TEXT,
            PRIMARY KEY (source_lang, target_lang, source_key)
        ) WITHOUT ROWID;
        """;

    // Dates are stored as fixed-width UTC ISO 8601 text, so comparing the strings compares the instants.
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static readonly string[] ParameterNames =
        ["$from", "$to", "$key", "$source", "$target", "$status", "$reviewer", "$changed", "$comment"];

    private readonly string _path = Path.GetFullPath(options.Value.DatabasePath ?? ReviewOptions.DefaultDatabasePath);
    private volatile bool _checked;

    /// <inheritdoc />
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        // A store that does not exist yet is fine: the first correction creates it.
        if (File.Exists(_path) || Directory.Exists(_path))
        {
            await using var connection = await OpenAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, ReviewCorrection>> FindAsync(
        string sourceLanguage,
        string targetLanguage,
        IReadOnlyCollection<string> sourceTexts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceTexts);
        var found = new Dictionary<string, ReviewCorrection>(StringComparer.Ordinal);
        if (sourceTexts.Count == 0 || !File.Exists(_path))
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT source_text, target_text, status, reviewer, changed_at, comment FROM review_corrections
            WHERE source_lang = $from AND target_lang = $to AND source_key = $key
            """;
        // Corrections are kept under the BCP 47 form of the pair, so "EN-GB" from an outside tool finds "en-GB".
        command.Parameters.AddWithValue("$from", LanguageTag.Normalize(sourceLanguage));
        command.Parameters.AddWithValue("$to", LanguageTag.Normalize(targetLanguage));
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var text in sourceTexts.Select(ReviewStatus.KeyOf).Distinct(StringComparer.Ordinal))
        {
            key.Value = text;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                found[text] = new ReviewCorrection(
                    sourceLanguage,
                    targetLanguage,
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    DateTimeOffset.ParseExact(reader.GetString(4), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    reader.IsDBNull(5) ? null : reader.GetString(5));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<int> SaveAsync(IReadOnlyCollection<ReviewCorrection> corrections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO review_corrections
                (source_lang, target_lang, source_key, source_text, target_text, status, reviewer, changed_at, comment)
            VALUES ($from, $to, $key, $source, $target, $status, $reviewer, $changed, $comment)
            ON CONFLICT (source_lang, target_lang, source_key) DO UPDATE SET
                source_text = excluded.source_text, target_text = excluded.target_text, status = excluded.status,
                reviewer = excluded.reviewer, changed_at = excluded.changed_at, comment = excluded.comment
            WHERE excluded.changed_at >= review_corrections.changed_at
            """;
        var parameters = ParameterNames
            .Select(name => command.Parameters.Add(name, SqliteType.Text))
            .ToArray();
        var written = 0;
        foreach (var correction in corrections)
        {
            object?[] values =
            [
                LanguageTag.Normalize(correction.SourceLanguage), LanguageTag.Normalize(correction.TargetLanguage), correction.Key, correction.SourceText,
                correction.TargetText, correction.Status, correction.Reviewer,
                correction.ChangedAt.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture), correction.Comment,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        SqliteStoreFile.PrepareFolder(_path, PathKey);
        try
        {
            return await OpenCheckedAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw SqliteStoreFile.Describe(exception, _path, PathKey);
        }
    }

    private async Task<SqliteConnection> OpenCheckedAsync(CancellationToken cancellationToken)
    {
        // No pooling: a command-line run should leave no handle open on the memory file behind it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_checked)
            {
                await SqliteStoreFile.QuickCheckAsync(connection, _path, PathKey, cancellationToken);
                _checked = true;
            }

            await using var create = connection.CreateCommand();
            create.CommandText = CreateTable;
            await create.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
