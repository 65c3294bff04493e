using System.Collections.Concurrent;
using Harness.Core.Experiments;
using Harness.Results.Storage;

namespace Harness.Core.Running;

/// <summary>
/// Runs every cell of a matrix that is not complete in the results folder, N at a time, one device per worker. Resume
/// is by cell id: a cell whose manifest says complete and whose files match their hashes is never run again; a cell
/// without a manifest (interrupted, killed) or with a corrupt one runs again from scratch.
/// </summary>
/// <param name="executor">Runs one cell.</param>
/// <param name="store">The results folder.</param>
public sealed class MatrixRunner(ICellExecutor executor, ResultStore store)
{
    /// <summary>Sorts the cells into to-run, complete, and failed before.</summary>
    /// <param name="cells">The matrix.</param>
    /// <param name="options">Scheduling options.</param>
    /// <param name="cancellationToken">Cancels the inspection.</param>
    /// <returns>The plan.</returns>
    public async Task<MatrixRunPlan> PlanAsync(IReadOnlyList<ExperimentCell> cells, MatrixRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(options);
        var toRun = new List<ExperimentCell>();
        var complete = new List<ExperimentCell>();
        var failed = new List<(ExperimentCell, string)>();
        foreach (var cell in cells)
        {
            var record = await store.InspectAsync(cell.Id, cancellationToken).ConfigureAwait(false);
            switch (record.State)
            {
                case CellState.Complete:
                    complete.Add(cell);
                    break;
                case CellState.Failed or CellState.Diverged when !options.RetryFailed:
                    failed.Add((cell, record.Reason));
                    break;
                default:
                    toRun.Add(cell);
                    break;
            }
        }

        return new MatrixRunPlan(toRun, complete, failed, Math.Max(1, options.Workers));
    }

    /// <summary>Runs the matrix.</summary>
    /// <param name="cells">The matrix.</param>
    /// <param name="options">Scheduling options.</param>
    /// <param name="observer">Receives what happens.</param>
    /// <param name="cancellationToken">Interrupts the run: running cells are stopped and left unrecorded.</param>
    /// <returns>The summary.</returns>
    public async Task<MatrixRunSummary> RunAsync(IReadOnlyList<ExperimentCell> cells, MatrixRunOptions options, IMatrixObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Devices.Count == 0)
        {
            throw new ArgumentException("at least one device is needed", nameof(options));
        }

        var plan = await PlanAsync(cells, options, cancellationToken).ConfigureAwait(false);
        foreach (var cell in plan.AlreadyComplete)
        {
            // A run killed between writing a cell and removing its checkpoints leaves them behind.
            CellWorker.RemoveWork(store.Root, cell.Id);
        }

        observer?.Starting(plan);
        var queue = new ConcurrentQueue<ExperimentCell>(plan.ToRun);
        var done = new ConcurrentQueue<(ExperimentCell, CellExecution)>();
        var workers = Enumerable.Range(0, Math.Min(plan.Workers, Math.Max(1, plan.ToRun.Count))).Select(worker => Task.Run(async () =>
        {
            var device = options.Devices[worker % options.Devices.Count];
            while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out var cell))
            {
                observer?.CellStarted(cell, worker, device);
                var progress = new InlineProgress<CellProgress>(p => observer?.CellProgressed(cell, p));
                CellExecution execution;
                try
                {
                    execution = await executor.ExecuteAsync(cell, device, progress, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    execution = new CellExecution(cell.Id, CellExecutionStatus.Cancelled, "interrupted", TimeSpan.Zero);
                }

                if (execution.Status != CellExecutionStatus.Cancelled)
                {
                    done.Enqueue((cell, execution));
                }

                observer?.CellFinished(cell, execution);
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new MatrixRunSummary(plan, [.. done], cancellationToken.IsCancellationRequested);
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (Progress&lt;T&gt; posts to a
    /// synchronisation context, which a console app does not have, and would reorder reports).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
