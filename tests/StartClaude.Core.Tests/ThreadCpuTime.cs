using System.Runtime.InteropServices;

namespace StartClaude.Core.Tests;

/// <summary>
/// The processor time the calling thread has used. Unlike the process's TotalProcessorTime it leaves out
/// the fixtures running beside it, so a bound on it bounds the measured code alone (issue 26 item 14).
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeLinux = 3;

    private const int ClockThreadCpuTimeMacOS = 16;

    public static TimeSpan Current
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                GetThreadTimes(GetCurrentThread(), out _, out _, out var kernel, out var user).Should().BeTrue();
                return TimeSpan.FromTicks(kernel + user);
            }
            var clock = OperatingSystem.IsMacOS() ? ClockThreadCpuTimeMacOS : ClockThreadCpuTimeLinux;
            clock_gettime(clock, out var time).Should().Be(0, "clock_gettime gives the thread's processor time");
            return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec time);

    [LibraryImport("kernel32.dll")]
    private static partial IntPtr GetCurrentThread();

    [LibraryImport("kernel32.dll", EntryPoint = "GetThreadTimes")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);
}
