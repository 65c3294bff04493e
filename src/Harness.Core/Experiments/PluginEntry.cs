using Harness.Abstractions.Plugins;
using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>
/// One entry of a spec's plugin list: a plugin id, or <c>{id: {params}}</c>. A list-valued parameter makes the entry
/// an axis.
/// </summary>
/// <param name="Kind">Which list it is in.</param>
/// <param name="Id">The plugin id (<c>none</c> in <c>rerankers</c> means no reranking).</param>
/// <param name="Parameters">The parameters the spec sets, in spec order.</param>
/// <param name="Location">Where the id was written.</param>
/// <param name="KeyPath">The entry's key path, for example <c>losses[0]</c>.</param>
public sealed record PluginEntry(PluginKind Kind, string Id, IReadOnlyList<SpecParameter> Parameters, SpecLocation Location, string KeyPath)
{
    /// <summary>The reranker id that means "no reranking" (always available).</summary>
    public const string NoReranker = "none";

    /// <summary>Whether this is the <c>none</c> reranker.</summary>
    public bool IsNone => Kind == PluginKind.Reranker && Id == NoReranker;

    /// <summary>Every combination of this entry's axis values (one choice when it has no axis).</summary>
    /// <returns>The choices in spec order (the last axis varies fastest).</returns>
    public IReadOnlyList<PluginChoice> Expand() =>
        Product(Parameters).Select(values => new PluginChoice(this, values)).ToList();

    internal static IEnumerable<IReadOnlyList<KeyValuePair<string, SpecValue>>> Product(IReadOnlyList<SpecParameter> parameters)
    {
        IEnumerable<IReadOnlyList<KeyValuePair<string, SpecValue>>> acc = [[]];
        foreach (var p in parameters)
        {
            var current = p;
            acc = acc.SelectMany(prefix => current.Values.Select(v => (IReadOnlyList<KeyValuePair<string, SpecValue>>)[.. prefix, new(current.Name, v)]));
        }

        return acc;
    }
}
