namespace Harness.Abstractions.Plugins;

/// <summary>
/// The one rule for where the shared cache lives: <c>HARNESS_CACHE</c> when set (not blank), else
/// <c>$XDG_CACHE_HOME/harness</c>, else <c>~/.cache/harness</c>. It sits here, in the lowest layer, because the
/// contract's <see cref="PluginContext.DefaultCacheDirectory"/> needs it; the host's <c>Harness.Core.Caching.CacheRoot</c>
/// calls it (internals visible to Harness.Core), and shell scripts follow it through <c>scripts/lib/cache-root.sh</c>
/// (a test checks that both agree).
/// </summary>
internal static class CacheDirectoryRule
{
    /// <summary>The environment variable that names the cache root.</summary>
    public const string EnvironmentVariable = "HARNESS_CACHE";

    /// <summary>Resolves the cache root from an environment lookup.</summary>
    /// <param name="environment">Returns an environment variable's value or null.</param>
    /// <returns>An absolute path (not created).</returns>
    public static string Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var explicitRoot = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        var xdg = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg))
        {
            return Path.GetFullPath(Path.Combine(xdg, "harness"));
        }

        var home = environment("HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Path.GetFullPath(Path.Combine(home, ".cache", "harness"));
    }
}
