using Bilingual.Core.Validation;
using Microsoft.Data.Sqlite;

namespace Bilingual.Core.Translation.Caching;

/// <summary>
/// What every SQLite store of the project (the translation cache, the review corrections) does before and while it
/// uses its file: refuse a folder or a folder that cannot be made, detect a damaged file with
/// <c>PRAGMA quick_check</c>, and turn SQLite's error codes into one message that names the key, the file and the fix.
/// </summary>
internal static class SqliteStoreFile
{
    // SQLite result codes (sqlite.org/rescode.html) that say the file, not the query, is the problem.
    private const int Permission = 3;
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>Refuses a path that is a folder and creates the file's folder, naming <paramref name="key"/> when either fails.</summary>
    /// <exception cref="SetupException">The path is a folder, or its folder cannot be created.</exception>
    public static void PrepareFolder(string path, string key)
    {
        if (Directory.Exists(path))
        {
            throw new SetupException(key, path, "this is a folder, not a file", $"set {key} to a file, such as cache/translations.db");
        }

        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SetupException(key, path, $"its folder {folder} cannot be created ({exception.Message})",
                $"create it, or set {key} to a file in a folder this user can write", exception);
        }
    }

    /// <summary>
    /// Runs <c>PRAGMA quick_check</c> on an open connection: it reads every page of the file once (cheap next to a
    /// run) and finds the damaged pages a query would otherwise fail on halfway through a run.
    /// </summary>
    /// <exception cref="SetupException">The file is damaged.</exception>
    public static async Task QuickCheckAsync(SqliteConnection connection, string path, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // One problem is enough to refuse the file; the message stays one line.
        command.CommandText = "PRAGMA quick_check(1)";
        var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw Damaged(path, key, $"PRAGMA quick_check: {result}", null);
        }
    }

    /// <summary>The message for a SQLite error on the file <paramref name="key"/> names.</summary>
    public static SetupException Describe(SqliteException exception, string path, string key)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqliteErrorCode switch
        {
            Corrupt or NotADatabase => Damaged(path, key, exception.Message, exception),
            Permission or ReadOnly or CannotOpen => new SetupException(key, path,
                $"the file cannot be opened for writing ({exception.Message})",
                $"check that this user can write the file and its folder (SQLite also writes {Path.GetFileName(path)}-wal and -shm beside it), or set {key} to another file",
                exception),
            Full => new SetupException(key, path, $"the disk is full ({exception.Message})", $"free space, or set {key} to a file on another disk", exception),
            _ => new SetupException(key, path, $"the store failed ({exception.Message})", $"check the file, or set {key} to another file", exception),
        };
    }

    private static SetupException Damaged(string path, string key, string detail, Exception? exception) =>
        new(key, path, $"the file is damaged or not a SQLite database ({detail})",
            $"move it away (the next run starts an empty file and translates again) or restore a copy, or set {key} to another file",
            exception);
}
