using Harness.Abstractions.Plugins;

namespace Harness.Plugins.Datasets;

/// <summary>Small helpers shared by the dataset plugins.</summary>
internal static class DatasetPluginHelpers
{
    /// <summary>Resolves a path parameter: empty stays empty; '~' expands to the home folder; relative paths are made absolute.</summary>
    public static string ResolvePath(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (value == "~" || value.StartsWith("~/", StringComparison.Ordinal))
        {
            value = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), value.Length > 2 ? value[2..] : string.Empty);
        }

        return Path.GetFullPath(value);
    }

    /// <summary>Throws a <see cref="PluginParameterException"/> when a required path parameter is empty.</summary>
    public static string RequirePath(PluginParameters parameters, string name)
    {
        var v = ResolvePath(parameters.GetString(name));
        return v.Length == 0 ? throw new PluginParameterException($"parameter '{name}' is required") : v;
    }
}
