using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Core.Experiments;
using Harness.Core.PluginHost;

namespace Harness.Core.Hosting;

/// <summary>
/// The teacher a sampler configuration names: the value of its first <see cref="ParameterType.PluginReference"/>
/// parameter of kind reranker, written <c>id</c> or <c>id(name=value,...)</c> (for example
/// <c>cross-encoder(init=random,layers=1)</c>). The planner resolves it into <see cref="ExperimentCell.Teacher"/> (so its
/// resolved configuration is part of the cell id) and the cell trains it before the sampler's Prepare.
/// </summary>
public static class TeacherReference
{
    /// <summary>The reference text of a sampler configuration, or null when it names no teacher.</summary>
    /// <param name="info">The sampler plugin's info.</param>
    /// <param name="parameters">Its resolved parameters.</param>
    /// <returns>The parameter name and the text, or null.</returns>
    public static (string Parameter, string Text)? Of(PluginInfo info, PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(parameters);
        var spec = info.Parameters.FirstOrDefault(p => p.Type == ParameterType.PluginReference && p.ReferencedKind == PluginKind.Reranker);
        return spec is not null && parameters.GetString(spec.Name) is { Length: > 0 } text ? (spec.Name, text) : null;
    }

    /// <summary>Splits <c>id(name=value,...)</c> into the id and the given values (as text).</summary>
    /// <param name="text">The reference.</param>
    /// <returns>The id and the values by name.</returns>
    /// <exception cref="FormatException">The text is not a plugin configuration.</exception>
    public static (string Id, IReadOnlyDictionary<string, object?> Given) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (text.Trim(), new Dictionary<string, object?>(StringComparer.Ordinal));
        }

        if (!text.EndsWith(')'))
        {
            throw new FormatException($"'{text}' is not a plugin configuration (id or id(name=value,...))");
        }

        var given = new Dictionary<string, object?>(StringComparer.Ordinal);
        var inner = text[(open + 1)..^1];
        foreach (var part in inner.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"'{part}' in '{text}' is not name=value");
            }

            if (!given.TryAdd(part[..eq].Trim(), part[(eq + 1)..].Trim()))
            {
                throw new FormatException($"'{part[..eq].Trim()}' is set twice in '{text}'");
            }
        }

        return (text[..open].Trim(), given);
    }

    /// <summary>Resolves a reference against the loaded plugins.</summary>
    /// <param name="text">The reference.</param>
    /// <param name="catalog">The plugins.</param>
    /// <returns>The resolved reranker configuration.</returns>
    /// <exception cref="FormatException">The text is malformed, names no reranker, or a parameter is invalid (one line).</exception>
    public static ResolvedPlugin Resolve(string text, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var (id, given) = Parse(text);
        if (catalog.Find(id) is not { Plugin: IRerankerPlugin } loaded)
        {
            throw new FormatException($"'{id}' is not a loaded reranker plugin");
        }

        PluginParameters parameters;
        try
        {
            parameters = PluginParameters.Resolve(loaded.Info.Parameters, given);
        }
        catch (Exception e) when (e is PluginParameterException or FormatException or ArgumentException)
        {
            throw new FormatException($"teacher '{text}': {e.Message.ReplaceLineEndings(" ")}", e);
        }

        return new ResolvedPlugin(loaded.Kind, loaded.Id, loaded.Info.Version, loaded.SourcePath, AssemblyHashes.Of(loaded.SourcePath), parameters, loaded.Plugin);
    }

    /// <summary>Whether the teacher must be trained before use.</summary>
    /// <param name="teacher">The resolved teacher.</param>
    /// <returns>Its requirements.</returns>
    public static RerankerRequirements Requirements(ResolvedPlugin teacher)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        return ((IRerankerPlugin)teacher.Plugin!).GetRequirements(teacher.Parameters);
    }
}
