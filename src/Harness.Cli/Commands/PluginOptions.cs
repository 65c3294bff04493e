using System.CommandLine;
using Harness.Abstractions.Plugins;
using Harness.Core.PluginHost;

namespace Harness.Cli.Commands;

/// <summary>Options shared by the verbs that load plugins.</summary>
internal static class PluginOptions
{
    public static Option<string[]> PluginDirectories() => new("--plugins")
    {
        Description = $"A folder of plugins to load in addition to the built-in ones (repeatable; also ${PluginSearchPath.EnvironmentVariable}).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        HelpName = "DIR",
    };

    public static Option<string[]> Settings() => new("--set")
    {
        Description = "Set a plugin parameter: ID.NAME=VALUE, for example infonce.temperature=0.1 (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        HelpName = "ID.NAME=VALUE",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON to standard output instead of text.",
    };

    /// <summary>Loads the search path; reports skipped plugins on stderr. Returns null (after printing why) when a named folder is missing.</summary>
    public static PluginCatalog? LoadCatalog(string[]? directories, TextWriter stderr) =>
        Load(() => PluginCatalog.Load(PluginSearchPath.Build(directories ?? [])), stderr) is { } catalog ? Report(catalog, stderr) : null;

    /// <summary>
    /// Loads a catalog; a plugin folder that cannot be read (permissions, a vanished mount) is reported in one line
    /// naming it, and null is returned (bad input: the user named or installed that folder).
    /// </summary>
    public static PluginCatalog? Load(Func<PluginCatalog> load, TextWriter stderr)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            stderr.WriteLine($"harness: cannot read a plugin folder: {e.Message}");
            return null;
        }
    }

    private static PluginCatalog? Report(PluginCatalog catalog, TextWriter stderr)
    {
        foreach (var missing in catalog.MissingDirectories)
        {
            stderr.WriteLine($"harness: plugin folder '{missing.Path}' (from {missing.Origin}) does not exist");
        }

        if (catalog.MissingDirectories.Count > 0)
        {
            return null;
        }

        foreach (var problem in catalog.Problems)
        {
            stderr.WriteLine(problem);
        }

        return catalog;
    }

    /// <summary>
    /// Checks every <c>--set</c> before any work: each id must name a loaded plugin (a mistyped id would otherwise
    /// silently run the defaults), and each plugin's settings must resolve (known names, valid values). Prints one
    /// line per problem.
    /// </summary>
    /// <returns>True when every setting is valid.</returns>
    public static bool CheckSettings(PluginSettings settings, PluginCatalog catalog, TextWriter stderr)
    {
        var ok = true;
        var unknown = settings.PluginIds.Where(id => catalog.Find(id) is null).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"harness: --set names plugins that are not loaded: {string.Join(", ", unknown)} (loaded: {string.Join(", ", catalog.Plugins.Select(p => p.Id).Order(StringComparer.Ordinal))})");
            ok = false;
        }

        foreach (var id in settings.PluginIds.Order(StringComparer.Ordinal))
        {
            if (catalog.Find(id) is { } plugin)
            {
                try
                {
                    settings.Resolve(plugin.Info);
                }
                catch (PluginParameterException e)
                {
                    stderr.WriteLine($"harness: --set {e.Message}");
                    ok = false;
                }
            }
        }

        return ok;
    }
}
