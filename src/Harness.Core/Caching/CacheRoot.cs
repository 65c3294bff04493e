namespace Harness.Core.Caching;

/// <summary>
/// The one rule for where the shared cache lives: <c>HARNESS_CACHE</c> when set, else
/// <c>$XDG_CACHE_HOME/harness</c>, else <c>~/.cache/harness</c>. Shell scripts use the same rule through
/// <c>scripts/lib/cache-root.sh</c>.
/// </summary>
public static class CacheRoot
{
    /// <summary>The environment variable that names the cache root.</summary>
    public const string EnvironmentVariable = "HARNESS_CACHE";

    /// <summary>The sub-folder of the cache root where <c>scripts/fetch-debian-index.sh</c> puts apt's lists.</summary>
    public const string DebianIndexLists = "debian-index/lists";

    /// <summary>Resolves the cache root from the environment.</summary>
    /// <returns>An absolute path (not created).</returns>
    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>Resolves the cache root from the given environment lookup (for tests).</summary>
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
