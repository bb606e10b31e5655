using Microsoft.Data.Sqlite;

namespace Bilingual.Core.Translation.Caching;

/// <summary>
/// The claims of <see cref="ITranslationClaims"/> as rows of a <c>claims</c> table in the same SQLite file: one row per
/// key being translated, with the owning process and the lease's end in Unix milliseconds of the injected clock.
/// </summary>
internal sealed partial class SqliteTranslationCache : ITranslationClaims
{
    private const string ClaimsSchema = """
        CREATE TABLE IF NOT EXISTS claims (
            key         TEXT PRIMARY KEY,
            owner       TEXT NOT NULL,
            expires_at  INTEGER NOT NULL
        );
        """;

    // One owner per cache instance: a process, or in tests one of two caches on the same file.
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private volatile bool _claimsReady;

    /// <inheritdoc />
    public TimeSpan Lease => _claimLease;

    /// <inheritdoc />
    public async ValueTask<bool> TryClaimAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenClaimsAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement, so two processes racing for a key cannot both win: the insert takes a free key, and the
        // update only a key that is this owner's or whose lease has run out (the owner died).
        command.CommandText = """
            INSERT INTO claims (key, owner, expires_at) VALUES ($key, $owner, $expires)
            ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                WHERE claims.owner = $owner OR claims.expires_at <= $now
            """;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        command.Parameters.AddWithValue("$key", key.Digest());
        command.Parameters.AddWithValue("$owner", _owner);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$expires", now + (long)_claimLease.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenClaimsAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM claims WHERE key = $key AND owner = $owner";
        command.Parameters.AddWithValue("$key", key.Digest());
        command.Parameters.AddWithValue("$owner", _owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenClaimsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        if (_claimsReady)
        {
            return connection;
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ClaimsSchema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _claimsReady = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
