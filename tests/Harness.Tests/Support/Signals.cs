using System.Runtime.InteropServices;

namespace Harness.Tests.Support;

/// <summary>POSIX signals for process tests (.NET can only kill with SIGKILL).</summary>
public static class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static int Send(int pid, int signal) => Kill(pid, signal);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
