using Harness.Statistics.Descriptive;

namespace Harness.Leaderboard.Aggregation;

/// <summary>One measure of one configuration: the mean over seeds, its confidence interval and the seed standard deviation.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="OverSeeds">Mean, interval and standard deviation of the per-seed values.</param>
/// <param name="PerSeed">The per-seed values (mean over queries, or the cell's own aggregate row), by seed.</param>
public sealed record MeasureSummary(string Measure, IntervalEstimate OverSeeds, IReadOnlyDictionary<long, double> PerSeed);
