using Harness.Core.Experiments;

namespace Harness.Core.Running;

/// <summary>
/// Runs cells in this process (tests, and <c>harness train</c>): no isolation from crashing plugins and no time
/// limit, but no process start either.
/// </summary>
/// <param name="resultsRoot">The results folder.</param>
/// <param name="cacheDirectory">The harness cache.</param>
/// <param name="threads">Threads per cell.</param>
public sealed class InProcessCellExecutor(string resultsRoot, string cacheDirectory, int threads = 1) : ICellExecutor
{
    /// <inheritdoc />
    public Task<CellExecution> ExecuteAsync(ExperimentCell cell, string device, IProgress<CellProgress>? progress, CancellationToken cancellationToken) =>
        CellWorker.RunAsync(cell, resultsRoot, new CellPipelineOptions { Device = device, CacheDirectory = cacheDirectory, ScratchDirectory = Path.GetTempPath(), Threads = threads }, ["in-process"], progress, cancellationToken);
}
