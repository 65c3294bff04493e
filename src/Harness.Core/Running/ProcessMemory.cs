using System.Globalization;

namespace Harness.Core.Running;

/// <summary>
/// What Linux says about memory: a process's resident and peak resident memory (<c>/proc/PID/status</c>), the
/// kernel's out-of-memory kill count for this process's cgroup (v2 <c>memory.events</c>, v1
/// <c>memory.oom_control</c>), and the memory limit that applies (the cgroup's, else the machine's). Every read
/// returns null where the file is not there (another OS, a sandbox), so callers fall back to what they know.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Resident memory of a process in bytes (VmRSS), or null when unreadable (gone, not Linux).</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>Bytes.</returns>
    public static long? Resident(int pid) => StatusField(pid, "VmRSS:");

    /// <summary>Peak resident memory of a process in bytes (VmHWM), or null when unreadable.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>Bytes.</returns>
    public static long? Peak(int pid) => StatusField(pid, "VmHWM:");

    /// <summary>How many processes the kernel's out-of-memory killer has killed in this process's memory cgroup, or
    /// null when the count is not readable.</summary>
    /// <returns>The count.</returns>
    public static long? OomKills()
    {
        foreach (var file in CgroupFiles("memory.events", "memory.oom_control"))
        {
            var value = ReadKeyed(file, "oom_kill");
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The memory limit that applies to this process's children: the cgroup's limit when one is set, else
    /// the machine's total memory; null when neither is readable.</summary>
    /// <returns>Bytes.</returns>
    public static long? Limit()
    {
        foreach (var file in CgroupFiles("memory.max", "memory.limit_in_bytes"))
        {
            try
            {
                var text = File.ReadAllText(file).Trim();
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 && bytes < (1L << 60))
                {
                    return bytes;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return ReadKeyed("/proc/meminfo", "MemTotal:") is { } kib ? kib * 1024 : null;
    }

    private static long? StatusField(int pid, string field) =>
        ReadKeyed($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status", field) is { } kib ? kib * 1024 : null;

    /// <summary>The cgroup files of that name this process may read: under its own cgroup path (v2 unified, v1
    /// memory controller), then at the mount roots (a container sees its own cgroup there).</summary>
    private static IEnumerable<string> CgroupFiles(string v2Name, string v1Name)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/cgroup");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lines = [];
        }

        foreach (var line in lines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            var path = parts[2].TrimStart('/');
            if (parts[0] == "0" && parts[1].Length == 0)
            {
                yield return Path.Combine("/sys/fs/cgroup", path, v2Name);
            }
            else if (parts[1].Split(',').Contains("memory"))
            {
                yield return Path.Combine("/sys/fs/cgroup/memory", path, v1Name);
            }
        }

        yield return Path.Combine("/sys/fs/cgroup", v2Name);
        yield return Path.Combine("/sys/fs/cgroup/memory", v1Name);
    }

    private static long? ReadKeyed(string file, string key)
    {
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            foreach (var line in File.ReadLines(file))
            {
                if (!line.StartsWith(key, StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = line[key.Length..].Trim();
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var number = space < 0 ? rest : rest[..space];
                return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
