using Harness.Abstractions.Plugins;

namespace Harness.Conformance;

/// <summary>
/// The plugin context the checks run with: CPU, the given seed, a cache folder of their own under the system temp
/// folder (so verifying a plugin never writes into the user's cache) and a private scratch folder per context.
/// </summary>
public static class ConformanceContext
{
    /// <summary>The cache root the checks give plugins.</summary>
    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "harness-conformance", "cache");

    /// <summary>Creates a context.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The context.</returns>
    public static PluginContext Create(int seed) => new(seed)
    {
        CacheDirectory = CacheDirectory,
    };
}
