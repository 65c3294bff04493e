using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Harness.Core.Caching;

/// <summary>
/// Publishes a whole folder at once: its files are written into a hidden sibling folder (same parent, so the same
/// file system) and the sibling is then swapped with the target. A reader, or a process killed at any instant, sees
/// the previous complete folder or the new complete folder, never a mix, and no file of an earlier version survives.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Replace"/> works in three steps: (1) build <c>.NAME.new-PID-ID</c>; (2) when NAME exists, exchange the
/// two names with one <c>renameat2(RENAME_EXCHANGE)</c> call, else rename the new folder to NAME; (3) delete the
/// sibling, which now holds the previous version. Why every instant is safe:
/// before (2) NAME is untouched (the new folder is a hidden sibling, maybe partial); (2) is one atomic system call,
/// so NAME names either the old folder or the new one; after (2) NAME is complete and only the sibling, a complete
/// old version, waits to be deleted. A kill leaves at most a hidden sibling behind; <see cref="Recover"/> (called
/// at the start of every <see cref="Replace"/> of the same NAME) deletes siblings whose process is gone.
/// </para>
/// <para>
/// .NET has no atomic exchange of two folders, hence the P/Invoke. Where the file system refuses RENAME_EXCHANGE
/// (EINVAL, ENOSYS) the fallback renames NAME aside to <c>.NAME.old-PID-ID</c> and the new folder into place. A kill
/// between those two renames leaves NAME absent for an instant with both complete versions beside it; the next
/// <see cref="Recover"/> puts the old version back (the new run never reported success), so after recovery NAME is
/// again exactly one complete version.
/// </para>
/// <para>Guards against process death (SIGKILL, OOM, a crash), not power loss: files are flushed, folders are not fsynced.</para>
/// </remarks>
public static class AtomicDirectory
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;
    private const int Einval = 22;
    private const int Enosys = 38;
    private const int Eperm = 1;

    /// <summary>
    /// Builds a folder with <paramref name="build"/> and publishes it at <paramref name="target"/>, replacing any
    /// previous content whole. When <paramref name="build"/> throws (or the process is cancelled) the target keeps
    /// its previous content and the partial folder is removed.
    /// </summary>
    /// <param name="target">The folder to publish.</param>
    /// <param name="build">Writes the new content into the empty folder it is given.</param>
    public static void Replace(string target, Action<string> build)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(build);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{target}' has no parent folder", nameof(target));
        Directory.CreateDirectory(parent);
        Recover(full);
        var id = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var fresh = Sibling(full, "new", id);
        Directory.CreateDirectory(fresh);
        try
        {
            build(fresh);
            FaultPoint.Reach("output.built");
            if (!Directory.Exists(full))
            {
                Directory.Move(fresh, full);
                FaultPoint.Reach("output.renamed");
                return;
            }

            if (!FaultPoint.IsSet("no-rename-exchange") && TryExchange(fresh, full))
            {
                // `fresh` now holds the previous version.
                FaultPoint.Reach("output.exchanged");
                Directory.Delete(fresh, recursive: true);
                return;
            }

            var old = Sibling(full, "old", id);
            Directory.Move(full, old);
            FaultPoint.Reach("output.moved-aside");
            Directory.Move(fresh, full);
            FaultPoint.Reach("output.renamed");
            Directory.Delete(old, recursive: true);
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    /// <summary>
    /// Cleans what an interrupted <see cref="Replace"/> of <paramref name="target"/> left behind: deletes hidden
    /// siblings of processes that are gone, and when the target is missing but a complete previous version was set
    /// aside (the fallback path was killed between its renames), puts that version back.
    /// </summary>
    /// <param name="target">The published folder.</param>
    /// <returns>The number of leftovers handled.</returns>
    public static int Recover(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return 0;
        }

        var name = Path.GetFileName(full);
        var handled = 0;
        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.*-*")
            .Select(p => (Path: p, Kind: KindOf(name, Path.GetFileName(p)), Pid: PidOf(Path.GetFileName(p))))
            .Where(x => x.Kind is not null && x.Pid is { } pid && !IsAlive(pid))
            .OrderBy(x => x.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var (path, kind, _) in leftovers)
        {
            if (kind == "old" && !Directory.Exists(full))
            {
                Directory.Move(path, full);
            }
            else
            {
                Directory.Delete(path, recursive: true);
            }

            handled++;
        }

        return handled;
    }

    private static string Sibling(string full, string kind, string id) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{kind}-{id}");

    private static string? KindOf(string name, string sibling)
    {
        foreach (var kind in new[] { "new", "old" })
        {
            if (sibling.StartsWith($".{name}.{kind}-", StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    private static int? PidOf(string sibling)
    {
        var dash = sibling.LastIndexOf('-');
        var start = sibling.LastIndexOf('-', dash - 1);
        return dash > 0 && start >= 0 && int.TryParse(sibling.AsSpan(start + 1, dash - start - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsAlive(int pid) =>
        pid == Environment.ProcessId || (OperatingSystem.IsLinux() ? Directory.Exists($"/proc/{pid}") : ProcessExists(pid));

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0)
            {
                return true;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false; // glibc older than 2.28
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno is Einval or Enosys or Eperm)
        {
            return false;
        }

        throw new IOException($"cannot swap {a} and {b}: {new Win32Exception(errno).Message}", errno);
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
