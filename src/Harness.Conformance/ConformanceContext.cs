using Harness.Abstractions.Plugins;

namespace Harness.Conformance;

/// <summary>
/// The plugin context the checks run with: CPU, the given seed, a private scratch folder per context, and a cache
/// folder of its own under the system temp folder unless the host points the checks at its cache (<c>harness plugins
/// verify</c> uses HARNESS_CACHE and offers its cache service, so a dataset fetched into the cache can be verified).
/// </summary>
public static class ConformanceContext
{
    /// <summary>The cache root the checks give plugins (a host sets it before running checks).</summary>
    public static string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "harness-conformance", "cache");

    /// <summary>The host services the checks give plugins (a host sets it before running checks; null: none).</summary>
    public static IServiceProvider? Services { get; set; }

    /// <summary>Creates a context.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The context.</returns>
    public static PluginContext Create(int seed) => Services is { } services
        ? new(seed) { CacheDirectory = CacheDirectory, Services = services }
        : new(seed) { CacheDirectory = CacheDirectory };
}
