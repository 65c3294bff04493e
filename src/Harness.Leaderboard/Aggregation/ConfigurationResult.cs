namespace Harness.Leaderboard.Aggregation;

/// <summary>One row of the leaderboard before ranking: a configuration aggregated over its complete seeds.</summary>
/// <param name="Key">The configuration.</param>
/// <param name="Seeds">Seeds with a complete cell, ascending.</param>
/// <param name="CellIds">The complete cells, by seed.</param>
/// <param name="Measures">Per measure: mean over seeds with interval and standard deviation.</param>
/// <param name="PerQuery">Per measure, per query: the value averaged over the seeds that have the query.</param>
/// <param name="Negatives">The sampler's summary (null when no cell has negatives.parquet).</param>
/// <param name="TrainingLoss">Mean training loss per step over seeds (steps ascending; empty without training logs).</param>
public sealed record ConfigurationResult(
    ConfigurationKey Key,
    IReadOnlyList<long> Seeds,
    IReadOnlyDictionary<long, string> CellIds,
    IReadOnlyDictionary<string, MeasureSummary> Measures,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> PerQuery,
    NegativeSummary? Negatives,
    IReadOnlyList<(long Step, double Loss)> TrainingLoss);
