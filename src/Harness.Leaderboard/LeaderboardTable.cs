using Harness.Leaderboard.Aggregation;
using Harness.Leaderboard.Comparisons;

namespace Harness.Leaderboard;

/// <summary>
/// The leaderboard of a results folder: configurations ranked by the primary measure (higher is better, as for every
/// trec_eval measure), their comparisons, the cells left out with reasons, and the plugins' citations. Everything in
/// it is in a defined order, so that rendering it twice gives the same bytes.
/// </summary>
public sealed record LeaderboardTable
{
    /// <summary>The matrix's name (from <c>matrix.json</c>, else the folder name).</summary>
    public required string Name { get; init; }

    /// <summary>The measures, in display order.</summary>
    public required IReadOnlyList<string> Measures { get; init; }

    /// <summary>The measure rows are ranked by.</summary>
    public required string PrimaryMeasure { get; init; }

    /// <summary>The rows, best first (ties in ordinal order of the configuration).</summary>
    public required IReadOnlyList<ConfigurationResult> Rows { get; init; }

    /// <summary>The baseline per dataset (empty without a baseline).</summary>
    public required IReadOnlyDictionary<string, ConfigurationKey> Baselines { get; init; }

    /// <summary>The baseline selector as given (null without one).</summary>
    public IReadOnlyDictionary<string, string>? BaselineSelector { get; init; }

    /// <summary>Each row against its dataset's baseline, by configuration (the baseline itself has none).</summary>
    public required IReadOnlyDictionary<ConfigurationKey, Comparison> AgainstBaseline { get; init; }

    /// <summary>All pairs (only with <see cref="LeaderboardOptions.AllPairs"/>), in row order.</summary>
    public required IReadOnlyList<Comparison> Pairs { get; init; }

    /// <summary>Cells not in the table, in ordinal order of cell id.</summary>
    public required IReadOnlyList<ProblemCell> Problems { get; init; }

    /// <summary>Plugin citations by plugin id (ordinal order).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Citations { get; init; }

    /// <summary>Notes on how the table was made (ambiguous baselines, missing measures), one line each.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The options used.</summary>
    public required LeaderboardOptions Options { get; init; }

    /// <summary>Parameter segments (the parts of <see cref="ConfigurationKey.Params"/> between <c>;</c>) that every row shares: names leave them out.</summary>
    public IReadOnlySet<string> CommonParams { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// A configuration's name in tables and plots: <c>encoder/loss/sampler[/reranker]</c> plus only the parameter
    /// segments that differ between rows (the runner's canonical string repeats every plugin's parameters).
    /// </summary>
    /// <param name="key">The configuration.</param>
    /// <returns>The name.</returns>
    public string NameOf(ConfigurationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var differing = string.Join(";", key.Params.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(p => !CommonParams.Contains(p)));
        return $"{key.Encoder}/{key.Loss}/{key.Sampler}{(key.Reranker is "none" or "" ? string.Empty : "/" + key.Reranker)}{(differing.Length == 0 ? string.Empty : " " + differing)}";
    }

    /// <summary>The parameter segments of a configuration that differ between rows (see <see cref="NameOf"/>).</summary>
    /// <param name="key">The configuration.</param>
    /// <returns>The segments joined by <c>;</c>.</returns>
    public string DifferingParams(ConfigurationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join(";", key.Params.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(p => !CommonParams.Contains(p)));
    }
}
