using Harness.Abstractions.Plugins;
using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>
/// One <c>exclude:</c> item: a cell is left out when every condition holds, for example
/// <c>{loss: triplet, sampler: bm25}</c> or <c>{loss: {infonce: {temperature: 0.02}}, seed: 3}</c>.
/// </summary>
/// <param name="Conditions">What must hold.</param>
/// <param name="Location">Where the rule was written.</param>
/// <param name="KeyPath">Its key path, for example <c>exclude[1]</c>.</param>
public sealed record ExcludeRule(IReadOnlyList<ExcludeCondition> Conditions, SpecLocation Location, string KeyPath)
{
    /// <summary>Whether the rule removes the cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>True when every condition matches.</returns>
    public bool Matches(CellConfig cell) => Conditions.All(c => c.Matches(cell));
}

/// <summary>One condition of an <see cref="ExcludeRule"/>: a plugin id (and optionally parameter values) or a seed.</summary>
/// <param name="Kind">The plugin kind, or null for a seed condition.</param>
/// <param name="Id">The plugin id (empty for a seed condition).</param>
/// <param name="Parameters">Parameter values that must match (text comparison after trimming).</param>
/// <param name="Seed">The seed, for a seed condition.</param>
/// <param name="Location">Where it was written.</param>
/// <param name="KeyPath">Its key path.</param>
public sealed record ExcludeCondition(PluginKind? Kind, string Id, IReadOnlyList<KeyValuePair<string, SpecValue>> Parameters, int? Seed, SpecLocation Location, string KeyPath)
{
    /// <summary>Whether the cell satisfies this condition.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>True on a match.</returns>
    public bool Matches(CellConfig cell)
    {
        if (Kind is not { } kind)
        {
            return cell.Seed == Seed;
        }

        var choice = cell.Choice(kind);
        return choice.Id == Id && Parameters.All(p =>
            choice.Values.Any(v => v.Key == p.Key && SameValue(v.Value.Text, p.Value.Text)));
    }

    private static bool SameValue(string a, string b) =>
        double.TryParse(a, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
        && double.TryParse(b, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
            ? x == y
            : string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
}
