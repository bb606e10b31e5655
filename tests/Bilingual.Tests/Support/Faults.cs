using System.Diagnostics;

namespace Bilingual.Tests.Support;

/// <summary>The faults the fault-injection tests plant: named pipes, damaged files.</summary>
internal static class Faults
{
    /// <summary>Makes a named pipe at <paramref name="path"/> with <c>mkfifo</c>; skips (or under CI fails) where there is none.</summary>
    public static string MakeNamedPipe(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip.If(true, "named pipes are made with mkfifo on Linux");
        }

        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary>
    /// Lets a thread blocked opening the pipe at <paramref name="path"/> for reading go on: opening it for writing
    /// completes both opens, and closing it gives the reader an end of file.
    /// </summary>
    public static void ReleaseNamedPipe(string path)
    {
        using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
    }

    /// <summary>
    /// Overwrites <paramref name="pages"/> 4 KiB pages of <paramref name="path"/> from page <paramref name="firstPage"/>
    /// with random bytes, as <c>dd if=/dev/urandom of=FILE bs=4096 seek=N count=M conv=notrunc</c> does.
    /// </summary>
    public static void DamagePages(string path, int firstPage, int pages)
    {
        var noise = new byte[4096 * pages];
        new Random(16).NextBytes(noise);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = 4096L * firstPage;
        file.Write(noise);
    }

    /// <summary>Whether the tests run as root, who may write where permissions say no.</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";
}
