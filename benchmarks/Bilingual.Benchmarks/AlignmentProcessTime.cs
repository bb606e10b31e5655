using System.Runtime.InteropServices;

namespace Bilingual.Benchmarks;

/// <summary>
/// The processor time (user and system) of every child process that has ended and been waited for, from
/// <c>getrusage(RUSAGE_CHILDREN)</c>: the difference over one run is that run's processor time, which a busy
/// machine disturbs less than its wall time. Linux only; 0 elsewhere.
/// </summary>
internal static class ChildProcessTime
{
    private const int ChildrenOnly = -1;

    /// <summary>Seconds of processor time of the ended children so far.</summary>
    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux() || GetResourceUsage(ChildrenOnly, out var usage) != 0)
        {
            return 0;
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    // DllImport, not LibraryImport: the struct is blittable, so no marshalling code is needed, and the source
    // generator would require unsafe code in the project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
#pragma warning restore SYSLIB1054

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this class does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResident, SharedText, UnsharedData, UnsharedStack, MinorFaults, MajorFaults, Swaps,
            BlocksIn, BlocksOut, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }
}
