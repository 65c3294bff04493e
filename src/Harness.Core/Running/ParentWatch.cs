namespace Harness.Core.Running;

/// <summary>
/// Ends a cell process whose parent (<c>harness run</c>) has gone, so a killed run leaves no orphan writing into the
/// results folder. Linux has no portable parent-death signal in .NET, so the child polls its parent id (which
/// changes when the parent dies and the child is re-parented).
/// </summary>
public static class ParentWatch
{
    /// <summary>Exit status of a cell process that stopped because its parent died.</summary>
    public const int OrphanedExitCode = 130;

    /// <summary>Starts watching: when the parent process is gone, the process exits at once with <see cref="OrphanedExitCode"/>.</summary>
    /// <param name="parentPid">The parent's process id.</param>
    public static void Start(int parentPid)
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(250);
                if (!IsAlive(parentPid))
                {
                    Environment.Exit(OrphanedExitCode);
                }
            }
        })
        {
            IsBackground = true,
            Name = "harness parent watch",
        };
        thread.Start();
    }

    private static bool IsAlive(int parentPid)
    {
        if (OperatingSystem.IsLinux() && ReadParentProcessId() is { } ppid)
        {
            return ppid == parentPid;
        }

        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(parentPid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // /proc/self/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
    private static int? ReadParentProcessId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ppid) ? ppid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
