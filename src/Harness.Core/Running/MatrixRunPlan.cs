using Harness.Core.Experiments;

namespace Harness.Core.Running;

/// <summary>What a run will do: the cells to run, those already complete, and those that failed before (kept unless --retry-failed).</summary>
/// <param name="ToRun">Cells to run, in matrix order.</param>
/// <param name="AlreadyComplete">Cells complete in the results folder.</param>
/// <param name="FailedBefore">Cells whose earlier failure is kept, with the recorded reason.</param>
/// <param name="Workers">Workers.</param>
public sealed record MatrixRunPlan(IReadOnlyList<ExperimentCell> ToRun, IReadOnlyList<ExperimentCell> AlreadyComplete, IReadOnlyList<(ExperimentCell Cell, string Reason)> FailedBefore, int Workers)
{
    /// <summary>All cells of the matrix.</summary>
    public int Total => ToRun.Count + AlreadyComplete.Count + FailedBefore.Count;
}
