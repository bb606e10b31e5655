using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Bilingual.Core.Reading;

/// <summary>What a directory entry is. Only a <see cref="Regular"/> file is ever read as an article.</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe (<c>mkfifo</c>): opening it waits for a writer, possibly for ever.</summary>
    NamedPipe,

    /// <summary>A character device such as <c>/dev/zero</c>: reading it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket: it cannot be opened as a file.</summary>
    Socket,

    /// <summary>The kind could not be told (not Linux); it is read as a regular file, within the read timeout.</summary>
    Unknown,
}

/// <summary>
/// Tells the kind of a directory entry. .NET's file APIs do not (a FIFO and a device look like empty regular files),
/// so on Linux this asks the kernel with <c>statx(2)</c>, whose buffer layout is the same on every architecture.
/// </summary>
public static partial class FileKinds
{
    // statx(2): AT_FDCWD resolves a relative path against the working directory; STATX_TYPE asks for the type bits only.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    private static int _unavailable;

    /// <summary>The kind of the entry at <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return System.IO.Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        }

        if (!OperatingSystem.IsLinux() || Volatile.Read(ref _unavailable) != 0)
        {
            return FileKind.Unknown;
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, NullTerminated(path), 0, StatxType, buffer) != 0)
            {
                return FileKind.Unknown;
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28, some musl builds): fall back to the read timeout.
            Volatile.Write(ref _unavailable, 1);
            return FileKind.Unknown;
        }

        // stat(7): the file type bits of st_mode.
        return (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.NamedPipe,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    /// <summary>Whether an entry of this kind may be read as an article.</summary>
    public static bool IsReadable(FileKind kind) => kind is FileKind.Regular or FileKind.Unknown;

    /// <summary>The kind in words, for messages: "a named pipe (FIFO)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "of an unknown kind",
    };

    private static byte[] NullTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    // Blittable arguments only (int, uint, byte arrays pinned in place): no marshalling code to generate, fit for Native AOT.
    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
