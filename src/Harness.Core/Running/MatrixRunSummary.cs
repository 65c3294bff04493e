using Harness.Core.Experiments;

namespace Harness.Core.Running;

/// <summary>How a run ended.</summary>
/// <param name="Plan">What it set out to do.</param>
/// <param name="Executions">Every cell execution of this run, in the order they ended.</param>
/// <param name="Interrupted">Whether the run was interrupted before every cell ran.</param>
public sealed record MatrixRunSummary(MatrixRunPlan Plan, IReadOnlyList<(ExperimentCell Cell, CellExecution Execution)> Executions, bool Interrupted)
{
    /// <summary>Cells that failed or diverged in this run, and those that had failed before and were not retried.</summary>
    public IReadOnlyList<(ExperimentCell Cell, string Reason)> Failed =>
    [
        .. Executions.Where(e => e.Execution.Status is CellExecutionStatus.Failed or CellExecutionStatus.Diverged or CellExecutionStatus.Busy)
            .Select(e => (e.Cell, $"{(e.Execution.Status == CellExecutionStatus.Diverged ? "diverged: " : string.Empty)}{e.Execution.Error}")),
        .. Plan.FailedBefore.Select(f => (f.Cell, $"{f.Reason} (failed in an earlier run; --retry-failed runs it again)")),
    ];

    /// <summary>Cells complete at the end (before and now).</summary>
    public int Complete => Plan.AlreadyComplete.Count + Executions.Count(e => e.Execution.Status == CellExecutionStatus.Complete);
}
