using System.Buffers;

namespace Bilingual.Core.Reading;

/// <summary>
/// Reads a whole file with two bounds: at most a number of bytes (a file that grew past its checked size is
/// refused, not read into memory) and at most a time (a read that hangs is given up, so one entry never stalls the
/// others).
/// </summary>
internal static class BoundedFileRead
{
    /// <summary>
    /// Reads <paramref name="path"/>, at most <paramref name="maxBytes"/> bytes, within <paramref name="timeout"/>:
    /// the file's bytes, or null when it holds more than <paramref name="maxBytes"/>.
    /// </summary>
    /// <exception cref="TimeoutException">The read did not finish within <paramref name="timeout"/>.</exception>
    public static async Task<byte[]?> ReadAsync(string path, long maxBytes, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        // The open and the reads run on a thread of their own: open(2) on a pipe or a hung mount blocks in the kernel,
        // where no cancellation token reaches. A read that times out is abandoned; its thread ends when the call returns.
        var read = Task.Run(() => Read(path, maxBytes), CancellationToken.None);
        try
        {
            return await read.WaitAsync(timeout, time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Observe the abandoned read's outcome so it is never reported as unobserved.
            _ = read.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private static byte[]? Read(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        using var contents = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int count;
            while ((count = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (contents.Length + count > maxBytes)
                {
                    return null;
                }

                contents.Write(buffer, 0, count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return contents.ToArray();
    }

}
