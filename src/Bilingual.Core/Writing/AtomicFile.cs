using System.Text;

namespace Bilingual.Core.Writing;

/// <summary>Writes files so that a reader never sees half of one: a temporary file beside the target, then a rename.</summary>
public static class AtomicFile
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
}
