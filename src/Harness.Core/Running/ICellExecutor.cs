using Harness.Core.Experiments;

namespace Harness.Core.Running;

/// <summary>Runs one cell somewhere (a child process, or this process in tests) and records its outcome in the results folder.</summary>
public interface ICellExecutor
{
    /// <summary>Runs a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="device">The device of the worker running it (cpu, cuda, cuda:N).</param>
    /// <param name="progress">Receives its progress.</param>
    /// <param name="cancellationToken">Stops it (nothing is recorded then).</param>
    /// <returns>How it ended.</returns>
    Task<CellExecution> ExecuteAsync(ExperimentCell cell, string device, IProgress<CellProgress>? progress, CancellationToken cancellationToken);
}
