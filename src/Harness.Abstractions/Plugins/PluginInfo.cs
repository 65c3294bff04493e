using System.Text.RegularExpressions;

namespace Harness.Abstractions.Plugins;

/// <summary>What the host and <c>harness plugins list</c> know about a plugin before creating anything.</summary>
/// <param name="Id">Stable kebab-case identifier, unique among loaded plugins (for example <c>infonce</c>).</param>
/// <param name="Kind">The extension point the plugin implements.</param>
/// <param name="Version">The plugin's own version (semantic versioning recommended).</param>
/// <param name="Description">One sentence saying what the plugin does.</param>
/// <param name="Parameters">The typed parameters an experiment spec may set, with defaults and validation.</param>
public sealed partial record PluginInfo(
    string Id,
    PluginKind Kind,
    string Version,
    string Description,
    IReadOnlyList<ParameterSpec> Parameters)
{
    /// <summary>An optional BibTeX entry crediting the method the plugin implements.</summary>
    public string? Citation { get; init; }

    /// <summary>Whether <paramref name="id"/> is a valid plugin id: lower-case words of letters and digits joined by single hyphens.</summary>
    /// <param name="id">The candidate id.</param>
    /// <returns>True when the id is kebab-case.</returns>
    public static bool IsValidId(string? id) => id is not null && KebabCase().IsMatch(id);

    /// <summary>
    /// Checks the info for mistakes a plugin author can make: a non-kebab-case id, an empty version or description,
    /// duplicate or invalid parameter names, defaults that fail their own validation.
    /// </summary>
    /// <returns>Every problem found, empty when the info is valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsValidId(Id))
        {
            problems.Add($"id '{Id}' is not kebab-case (lower-case letters and digits joined by single hyphens)");
        }

        if (string.IsNullOrWhiteSpace(Version))
        {
            problems.Add("version is empty");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            problems.Add("description is empty");
        }

        if (Parameters is null)
        {
            problems.Add("parameter list is null");
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in Parameters)
        {
            if (!ParameterSpec.IsValidName(p.Name))
            {
                problems.Add($"parameter name '{p.Name}' is not a lower-case identifier ([a-z][a-z0-9_-]*)");
            }

            if (!seen.Add(p.Name))
            {
                problems.Add($"parameter '{p.Name}' is declared twice");
            }

            var error = p.Validate(p.DefaultValue);
            if (error is not null)
            {
                problems.Add($"default of parameter '{p.Name}' is invalid: {error}");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
