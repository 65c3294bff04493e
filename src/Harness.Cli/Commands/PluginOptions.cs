using System.CommandLine;
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
    public static PluginCatalog? LoadCatalog(string[]? directories, TextWriter stderr)
    {
        var catalog = PluginCatalog.Load(PluginSearchPath.Build(directories ?? []));
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
}
