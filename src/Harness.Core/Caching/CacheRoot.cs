using Harness.Abstractions.Plugins;

namespace Harness.Core.Caching;

/// <summary>
/// The host's access to the cache-root rule: <c>HARNESS_CACHE</c> when set, else <c>$XDG_CACHE_HOME/harness</c>,
/// else <c>~/.cache/harness</c>. The rule itself lives once, in the contract (Harness.Abstractions' internal
/// CacheDirectoryRule, behind <see cref="PluginContext.DefaultCacheDirectory"/>), so plugins' test contexts and the
/// host agree; shell scripts use the same rule through <c>scripts/lib/cache-root.sh</c>.
/// </summary>
public static class CacheRoot
{
    /// <summary>The environment variable that names the cache root.</summary>
    public const string EnvironmentVariable = CacheDirectoryRule.EnvironmentVariable;

    /// <summary>The sub-folder of the cache root where <c>scripts/fetch-debian-index.sh</c> puts apt's lists.</summary>
    public const string DebianIndexLists = "debian-index/lists";

    /// <summary>Resolves the cache root from the environment.</summary>
    /// <returns>An absolute path (not created).</returns>
    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>Resolves the cache root from the given environment lookup (for tests).</summary>
    /// <param name="environment">Returns an environment variable's value or null.</param>
    /// <returns>An absolute path (not created).</returns>
    public static string Resolve(Func<string, string?> environment) => CacheDirectoryRule.Resolve(environment);
}
