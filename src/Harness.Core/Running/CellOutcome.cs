namespace Harness.Core.Running;

/// <summary>What a cell's pipeline produced, in memory: the runner (or <c>harness train</c>) writes it to files.</summary>
/// <param name="Metrics">Per-query values and the <c>all</c> aggregates, in measure-then-query order.</param>
/// <param name="Ranking">The final ranking per evaluated query.</param>
/// <param name="Training">The training curve (empty with epochs 0).</param>
/// <param name="Negatives">The sampler statistics per epoch (empty with epochs 0).</param>
/// <param name="Seconds">Seconds spent per stage.</param>
/// <param name="Queries">Queries evaluated.</param>
/// <param name="Documents">Documents in the corpus.</param>
/// <param name="TrainedEncoder">The folder holding the trained encoder's full state (<c>IEncoder.Save</c>), when one was trained and kept.</param>
public sealed record CellOutcome(
    IReadOnlyList<QueryMetric> Metrics,
    IReadOnlyList<RankedQuery> Ranking,
    IReadOnlyList<TrainingStepRecord> Training,
    IReadOnlyList<SamplerEpochStats> Negatives,
    IReadOnlyDictionary<string, double> Seconds,
    int Queries,
    int Documents,
    string? TrainedEncoder = null)
{
    /// <summary>The step training resumed from (a checkpoint of an earlier, interrupted run of the cell), if it did.</summary>
    public long? ResumedFromStep { get; init; }

    /// <summary>The aggregate value of a measure.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The value, or NaN when not measured.</returns>
    public double Aggregate(string measure) =>
        Metrics.Where(m => m.QueryId == QueryMetric.All && m.Measure == measure).Select(m => m.Value).DefaultIfEmpty(double.NaN).First();
}
