namespace Harness.Audits.Reexecution;

/// <summary>A recorded cell against its rerun.</summary>
/// <param name="CellId">The recorded cell's id.</param>
/// <param name="RerunCellId">The rerun's id (differs when plugins or data changed).</param>
/// <param name="Measures">Per measure, in ordinal order.</param>
/// <param name="Ranking">The rankings compared (null when either cell has no run.trec).</param>
/// <param name="Failures">What did not reproduce, one line each (empty when it passed).</param>
public sealed record CellComparison(string CellId, string RerunCellId, IReadOnlyList<MeasureComparison> Measures, RankingComparison? Ranking, IReadOnlyList<string> Failures)
{
    /// <summary>Whether the cell reproduced within the tolerance.</summary>
    public bool Passed => Failures.Count == 0;
}
