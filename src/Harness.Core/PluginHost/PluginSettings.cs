using Harness.Abstractions.Plugins;

namespace Harness.Core.PluginHost;

/// <summary>
/// Parameter values given on the command line as <c>ID.NAME=VALUE</c> (for example <c>--set beir.path=data/scifact</c>),
/// grouped by plugin id.
/// </summary>
public sealed class PluginSettings
{
    private readonly Dictionary<string, Dictionary<string, string>> _byPlugin;

    private PluginSettings(Dictionary<string, Dictionary<string, string>> byPlugin)
    {
        _byPlugin = byPlugin;
    }

    /// <summary>No settings.</summary>
    public static PluginSettings Empty { get; } = new(new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal));

    /// <summary>The plugin ids that have settings.</summary>
    public IEnumerable<string> PluginIds => _byPlugin.Keys;

    /// <summary>Parses <c>ID.NAME=VALUE</c> assignments.</summary>
    /// <param name="assignments">The assignments, in order; a later one for the same parameter wins.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="FormatException">An assignment is not of the form ID.NAME=VALUE; the message quotes it.</exception>
    public static PluginSettings Parse(IEnumerable<string>? assignments)
    {
        var byPlugin = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var a in assignments ?? [])
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var dot = eq < 0 ? -1 : a.LastIndexOf('.', eq);
            if (eq < 0 || dot <= 0 || dot == eq - 1)
            {
                throw new FormatException($"'{a}' is not of the form ID.NAME=VALUE (for example infonce.temperature=0.1)");
            }

            var id = a[..dot];
            var name = a[(dot + 1)..eq];
            if (!PluginInfo.IsValidId(id))
            {
                throw new FormatException($"'{a}': '{id}' is not a plugin id (kebab-case)");
            }

            if (!byPlugin.TryGetValue(id, out var values))
            {
                values = new Dictionary<string, string>(StringComparer.Ordinal);
                byPlugin.Add(id, values);
            }

            values[name] = a[(eq + 1)..];
        }

        return new PluginSettings(byPlugin);
    }

    /// <summary>Resolves a plugin's parameters: its settings over its declared defaults.</summary>
    /// <param name="info">The plugin's metadata.</param>
    /// <returns>The resolved parameters.</returns>
    /// <exception cref="PluginParameterException">A setting is unknown or invalid; the message names the plugin.</exception>
    public PluginParameters Resolve(PluginInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        try
        {
            return _byPlugin.TryGetValue(info.Id, out var values)
                ? PluginParameters.Resolve(info.Parameters, values)
                : PluginParameters.Resolve(info.Parameters);
        }
        catch (PluginParameterException e)
        {
            throw new PluginParameterException(e.Errors.Select(x => $"{info.Id}: {x}").ToList());
        }
    }
}
