using System.Runtime.InteropServices;

namespace Harness.Tests.Support;

/// <summary>POSIX signals for process tests (.NET can only kill with SIGKILL).</summary>
public static class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static int Send(int pid, int signal) => Kill(pid, signal);

    /// <summary>
    /// Whether this process ignores <paramref name="signal"/> (the SigIgn mask of /proc/self/status). A child inherits
    /// an ignored signal across exec: a non-interactive shell starts background jobs (<c>cmd &amp;</c>) with SIGINT
    /// ignored, so tests started that way cannot interrupt a child with SIGINT.
    /// </summary>
    public static bool IgnoredByThisProcess(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && ((Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) >> (signal - 1)) & 1) == 1;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
