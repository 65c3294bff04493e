namespace Harness.Core.Experiments;

/// <summary>One plugin configuration of one cell: the spec entry and the value chosen for each of its parameters.</summary>
/// <param name="Entry">The spec entry.</param>
/// <param name="Values">The value of each parameter the spec sets (one value per axis).</param>
public sealed record PluginChoice(PluginEntry Entry, IReadOnlyList<KeyValuePair<string, SpecValue>> Values)
{
    /// <summary>The plugin id.</summary>
    public string Id => Entry.Id;

    /// <summary>The values as text, by parameter name (what <c>PluginParameters.Resolve</c> takes).</summary>
    public IReadOnlyDictionary<string, object?> Given =>
        Values.ToDictionary(v => v.Key, v => (object?)v.Value.Text, StringComparer.Ordinal);

    /// <summary>The id with the values of its axes, for display names: <c>infonce(temperature=0.02)</c>.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var axes = Values.Where(v => Entry.Parameters.First(p => p.Name == v.Key).IsAxis).Select(v => $"{v.Key}={v.Value.Text}").ToList();
        return axes.Count == 0 ? Id : $"{Id}({string.Join(",", axes)})";
    }
}
