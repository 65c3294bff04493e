namespace Harness.Core.PluginHost;

/// <summary>
/// Where the host looks for plugins, in order: the <c>plugins/</c> folder next to the executable, each
/// <c>--plugins DIR</c> given on the command line, then each entry of <c>HARNESS_PLUGINS</c> (a
/// <see cref="Path.PathSeparator"/>-separated list). When two plugins share an id, the one found first wins.
/// </summary>
public static class PluginSearchPath
{
    /// <summary>The environment variable that lists extra plugin folders.</summary>
    public const string EnvironmentVariable = "HARNESS_PLUGINS";

    /// <summary>The built-in plugin folder next to the running executable.</summary>
    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Builds the search path.</summary>
    /// <param name="commandLineDirectories">Folders given with <c>--plugins</c>, in order.</param>
    /// <param name="includeBuiltIn">Whether to include <see cref="BuiltInDirectory"/>.</param>
    /// <param name="environmentValue">The value of <c>HARNESS_PLUGINS</c> (read from the environment when null).</param>
    /// <returns>Distinct absolute folders, each tagged with whether the user named it explicitly.</returns>
    public static IReadOnlyList<PluginDirectory> Build(IEnumerable<string> commandLineDirectories, bool includeBuiltIn = true, string? environmentValue = null)
    {
        ArgumentNullException.ThrowIfNull(commandLineDirectories);
        var result = new List<PluginDirectory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string dir, bool explicitlyGiven, string origin)
        {
            var full = Path.GetFullPath(dir);
            if (seen.Add(full))
            {
                result.Add(new PluginDirectory(full, explicitlyGiven, origin));
            }
        }

        if (includeBuiltIn)
        {
            Add(BuiltInDirectory, false, "built-in");
        }

        foreach (var dir in commandLineDirectories)
        {
            Add(dir, true, "--plugins");
        }

        environmentValue ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            foreach (var dir in environmentValue.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(dir, true, EnvironmentVariable);
            }
        }

        return result;
    }
}
