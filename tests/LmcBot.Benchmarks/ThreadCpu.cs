using System.Runtime.InteropServices;

namespace LmcBot.Benchmarks;

/// <summary>The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>; elsewhere the process's).</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0)
            return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
        return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);
}
