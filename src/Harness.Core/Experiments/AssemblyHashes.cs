using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Harness.Core.Experiments;

/// <summary>SHA-256 of plugin assembly files, computed once per process.</summary>
public static class AssemblyHashes
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The lower-case hex SHA-256 of a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash.</returns>
    public static string Of(string path) => Cache.GetOrAdd(Path.GetFullPath(path), p =>
    {
        using var stream = File.OpenRead(p);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    });
}
