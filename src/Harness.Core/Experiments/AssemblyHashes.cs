using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Harness.Core.Experiments;

/// <summary>SHA-256 of plugin assembly files, computed once per process.</summary>
public static class AssemblyHashes
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The lower-case hex SHA-256 of a file (cached by path, length and modification time, so a file
    /// replaced while the process runs is hashed again).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash.</returns>
    public static string Of(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        return Cache.GetOrAdd($"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}", _ =>
        {
            using var stream = File.OpenRead(info.FullName);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }
}
