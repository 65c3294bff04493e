using System.Globalization;
using System.Security.Cryptography;
using Harness.Abstractions.Services;
using Harness.Results.Storage;

namespace Harness.Core.Caching;

/// <summary>
/// The host's <see cref="IPluginCache"/>: entries are folders <c>ROOT/AREA/KEY</c>, built in a hidden temporary
/// sibling and renamed into place, each ending with a completion record (<c>.complete</c>: SHA-256, size and path of
/// every file, written last). An entry without a valid record, or whose files no longer match it (a partial copy, a
/// truncated or edited file), is reported, set aside and rebuilt. Two processes racing for one key both succeed and
/// one result is kept.
/// </summary>
public sealed class CacheStore : IPluginCache
{
    /// <summary>The completion record's file name inside an entry.</summary>
    public const string CompletionRecord = ".complete";

    /// <summary>Entries up to this size have their files' SHA-256 checked on every open; larger ones their sizes only.</summary>
    public const long FullCheckLimitBytes = 1L << 30;

    private const string RecordHeader = "harness-cache-entry/1";
    private readonly Action<string>? _report;

    /// <summary>Creates a store over a cache root.</summary>
    /// <param name="root">The cache root (see <see cref="CacheRoot"/>).</param>
    /// <param name="report">Receives one line for each entry found incomplete or corrupt (it is then rebuilt).</param>
    public CacheStore(string root, Action<string>? report = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        _report = report;
    }

    /// <inheritdoc />
    public string Root { get; }

    /// <summary>The folder of an entry (it may not exist).</summary>
    /// <param name="area">The area.</param>
    /// <param name="key">The key.</param>
    /// <returns>The path.</returns>
    public string PathOf(string area, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(area);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (Path.IsPathRooted(area) || area.Split('/', '\\').Any(p => p is "" or "." or ".."))
        {
            throw new ArgumentException($"cache area '{area}' must be a relative path without '.' or '..' parts", nameof(area));
        }

        if (key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || key.StartsWith('.'))
        {
            throw new ArgumentException($"cache key '{key}' may hold only letters, digits, '-', '_' and '.'", nameof(key));
        }

        return Path.Combine(Root, area, key);
    }

    /// <inheritdoc />
    public bool Contains(string area, string key) => Problem(PathOf(area, key)) is null;

    /// <inheritdoc />
    public string GetOrCreate(string area, string key, Action<string> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var target = PathOf(area, key);
        var folder = Path.GetDirectoryName(target)!;
        if (Directory.Exists(target))
        {
            var problem = Problem(target);
            if (problem is null)
            {
                return target;
            }

            _report?.Invoke($"cache entry {target} is {problem}; rebuilding it");
            SetAsideAndDelete(target);
        }

        var temp = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".tmp-{key}-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            Directory.CreateDirectory(folder);
            RemoveDeadTemporaries(folder);
            Directory.CreateDirectory(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CacheWriteException(folder, e);
        }

        try
        {
            build(temp);
            WriteRecord(temp);
            FaultPoint.Reach("cache.built");
            try
            {
                Directory.Move(temp, target);
            }
            catch (IOException) when (Directory.Exists(target) && Problem(target) is null)
            {
                // Another process published the same key first; its entry is equivalent.
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not CacheWriteException)
        {
            throw new CacheWriteException(folder, e);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }

        return target;
    }

    /// <summary>Why an entry is not usable, or null when it is complete and intact.</summary>
    /// <param name="entry">The entry folder.</param>
    /// <returns>A short reason, or null.</returns>
    public static string? Problem(string entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry);
        if (!Directory.Exists(entry))
        {
            return "missing";
        }

        var recordPath = Path.Combine(entry, CompletionRecord);
        if (!File.Exists(recordPath))
        {
            return "incomplete (no completion record)";
        }

        var lines = File.ReadAllLines(recordPath);
        if (lines.Length == 0 || lines[0] != RecordHeader)
        {
            return "corrupt (unreadable completion record)";
        }

        var files = new List<(string Hash, long Size, string Path)>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return "corrupt (unreadable completion record)";
            }

            files.Add((parts[0], size, parts[2]));
        }

        foreach (var (_, size, relative) in files)
        {
            var info = new FileInfo(Path.Combine(entry, relative));
            if (!info.Exists)
            {
                return $"incomplete ({relative} is missing)";
            }

            if (info.Length != size)
            {
                return $"corrupt ({relative} holds {info.Length} bytes, expected {size})";
            }
        }

        if (files.Sum(f => f.Size) > FullCheckLimitBytes)
        {
            return null;
        }

        foreach (var (hash, _, relative) in files)
        {
            if (Sha256(Path.Combine(entry, relative)) != hash)
            {
                return $"corrupt ({relative} does not match its SHA-256)";
            }
        }

        return null;
    }

    private static void WriteRecord(string folder)
    {
        var lines = new List<string> { RecordHeader };
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative == CompletionRecord)
            {
                continue;
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{Sha256(file)} {new FileInfo(file).Length} {relative}"));
        }

        AtomicFile.WriteAllText(Path.Combine(folder, CompletionRecord), string.Join('\n', lines) + "\n");
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void SetAsideAndDelete(string target)
    {
        // Renaming first makes the bad entry disappear at once, even if deleting its files is interrupted.
        var aside = Path.Combine(Path.GetDirectoryName(target)!, string.Create(CultureInfo.InvariantCulture, $".tmp-stale-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            Directory.Move(target, aside);
            Directory.Delete(aside, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CacheWriteException(target, e);
        }
    }

    private static void RemoveDeadTemporaries(string folder)
    {
        foreach (var temp in Directory.EnumerateDirectories(folder, ".tmp-*"))
        {
            var name = Path.GetFileName(temp);
            var dash = name.LastIndexOf('-');
            var start = dash > 0 ? name.LastIndexOf('-', dash - 1) : -1;
            if (start >= 0
                && int.TryParse(name.AsSpan(start + 1, dash - start - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && !Directory.Exists($"/proc/{pid}")
                && OperatingSystem.IsLinux())
            {
                try
                {
                    Directory.Delete(temp, recursive: true);
                }
                catch (IOException)
                {
                    // Another process is removing it too.
                }
            }
        }
    }
}
