using System.Globalization;
using Harness.Core.PluginHost;
using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>
/// <c>plugins.lock</c>: the SHA-256 of every plugin assembly a spec uses, written next to the spec by
/// <c>harness plugins lock SPEC</c>. <c>harness run --locked</c> refuses a plugin whose assembly is not in it with
/// the same hash. One line per plugin, <c>kind id version sha256 assembly</c>, sorted, so a change shows in a diff.
/// </summary>
public static class PluginLock
{
    /// <summary>The file name.</summary>
    public const string FileName = "plugins.lock";

    private const string Header = "# harness plugins.lock: kind id version sha256 assembly (harness plugins lock SPEC rewrites it)";

    /// <summary>The lock file of a spec (next to it).</summary>
    /// <param name="specPath">The spec.</param>
    /// <returns>The path.</returns>
    public static string PathFor(string specPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath))!, FileName);

    /// <summary>The lock text for the plugins of a plan's cells.</summary>
    /// <param name="cells">The cells.</param>
    /// <returns>The file's text.</returns>
    public static string Format(IEnumerable<ExperimentCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var lines = cells.SelectMany(c => c.Plugins).Where(p => p.Plugin is not null)
            .Select(p => $"{PluginKinds.ToName(p.Kind)} {p.Id} {p.Version} {p.AssemblySha256} {Path.GetFileName(p.AssemblyPath)}")
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return Header + "\n" + string.Join("\n", lines) + "\n";
    }

    /// <summary>Checks a plan's plugins against a lock file: every plugin must be there with the same hash.</summary>
    /// <param name="lockPath">The lock file.</param>
    /// <param name="cells">The cells.</param>
    /// <returns>One problem per plugin refused (naming it), or a problem about the lock file itself.</returns>
    public static IReadOnlyList<ValidationProblem> Check(string lockPath, IEnumerable<ExperimentCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var display = SpecReader.DisplayPath(lockPath);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(lockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ValidationProblem.Error(null, null, $"--locked: cannot read {display} ({e.Message}); write it with 'harness plugins lock SPEC'")];
        }

        var problems = new List<ValidationProblem>();
        var locked = new Dictionary<string, (string Version, string Sha, int Line)>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 5 || parts[3].Length != 64)
            {
                problems.Add(ValidationProblem.Error(new SpecLocation(display, i + 1, 1), null, "not a lock line (kind id version sha256 assembly)"));
                continue;
            }

            locked[parts[1]] = (parts[2], parts[3], i + 1);
        }

        foreach (var plugin in cells.SelectMany(c => c.Plugins).Where(p => p.Plugin is not null).DistinctBy(p => p.Id))
        {
            if (!locked.TryGetValue(plugin.Id, out var entry))
            {
                problems.Add(ValidationProblem.Error(null, null, $"--locked: plugin '{plugin.Id}' ({plugin.AssemblyPath}) is not in {display}"));
            }
            else if (!string.Equals(entry.Sha, plugin.AssemblySha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(ValidationProblem.Error(new SpecLocation(display, entry.Line, 1), null,
                    $"--locked: plugin '{plugin.Id}' ({plugin.AssemblyPath}) has SHA-256 {plugin.AssemblySha256[..12]}, the lock has {entry.Sha[..12]} (version {entry.Version.ToString(CultureInfo.InvariantCulture)}): refusing a modified plugin"));
            }
        }

        return problems;
    }
}
