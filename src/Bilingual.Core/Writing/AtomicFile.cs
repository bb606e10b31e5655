using System.Text;
using System.Text.RegularExpressions;

namespace Bilingual.Core.Writing;

/// <summary>Writes files so that a reader never sees half of one: a temporary file beside the target, then a rename.</summary>
public static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="contents"/> as UTF-8 without a BOM to <paramref name="path"/>, atomically.</summary>
    public static Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken) =>
        WriteAsync(path, stream => stream.WriteAsync(Utf8NoBom.GetBytes(contents), cancellationToken).AsTask(), cancellationToken);

    /// <summary>Writes the bytes produced by <paramref name="write"/> to <paramref name="path"/>, atomically.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Same directory as the target, so the rename stays on one file system and is atomic.
        // The name's shape is TemporaryName's: RemoveStaleTemporaryFiles removes what a killed process left.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await write(stream);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Removes the temporary files that writes interrupted by a kill or a crash left in <paramref name="directory"/>:
    /// only names of the exact shape this class writes (<c>.NAME.GUID.tmp</c>, 32 hexadecimal digits) last written
    /// before <paramref name="writtenBeforeUtc"/> (the process start, so a write still in progress is never touched).
    /// Subfolders are not searched. A file that cannot be removed is left and not reported.
    /// </summary>
    /// <returns>The files removed.</returns>
    public static IReadOnlyList<string> RemoveStaleTemporaryFiles(string directory, DateTime writtenBeforeUtc)
    {
        var removed = new List<string>();
        if (!Directory.Exists(directory))
        {
            return removed;
        }

        foreach (var file in new DirectoryInfo(directory).EnumerateFiles(".*.tmp", SearchOption.TopDirectoryOnly))
        {
            if (!TemporaryName().IsMatch(file.Name) || file.LastWriteTimeUtc >= writtenBeforeUtc)
            {
                continue;
            }

            try
            {
                file.Delete();
                removed.Add(file.FullName);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another process may hold it or the folder may be read-only; the run goes on without the clean-up.
            }
        }

        return removed;
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
