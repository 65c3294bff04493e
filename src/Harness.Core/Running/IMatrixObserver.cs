using Harness.Core.Experiments;

namespace Harness.Core.Running;

/// <summary>Receives what the matrix runner does (the CLI draws it). Calls may come from several workers at once.</summary>
public interface IMatrixObserver
{
    /// <summary>The run is about to start.</summary>
    /// <param name="plan">What will run and what is already done.</param>
    void Starting(MatrixRunPlan plan);

    /// <summary>A worker started a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="worker">The worker (0-based).</param>
    /// <param name="device">Its device.</param>
    void CellStarted(ExperimentCell cell, int worker, string device);

    /// <summary>A running cell reported progress.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="progress">Its progress.</param>
    void CellProgressed(ExperimentCell cell, CellProgress progress);

    /// <summary>A cell ended.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="execution">How.</param>
    void CellFinished(ExperimentCell cell, CellExecution execution);
}
