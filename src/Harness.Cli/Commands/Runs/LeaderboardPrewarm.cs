using Harness.Core.Experiments;
using Harness.Core.Running;
using Harness.Leaderboard;
using Harness.Leaderboard.Plotting;
using Harness.Results.Storage;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// Takes the leaderboard's start-up cost off the end of <c>harness run</c>. Regenerating the leaderboard is mostly
/// one-time cost in a fresh process (loading and JIT-compiling the Parquet reader and writer, the statistics and
/// ScottPlot/Skia: about 2,000 methods, ~0.7 s of CPU for a few cells), and it is serial: it starts only when the last
/// cell has ended. So once no cell is waiting in the queue and a core is idle (the cells running use fewer threads
/// than the machine has cores), this observer builds and renders a throw-away leaderboard of the cells complete so
/// far, on that idle core, into a scratch folder (<c>DIR/.harness/leaderboard-prewarm</c>, deleted afterwards); the
/// real one at the end then runs warm. It never touches the real leaderboard files, and whatever goes wrong in it is
/// ignored (the real regeneration reports its own errors). Forwards every event to the display.
/// </summary>
internal sealed class LeaderboardPrewarm(IMatrixObserver inner, string root, int threadsPerCell, CancellationToken cancellationToken) : IMatrixObserver, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly Lock _gate = new();
    private int _toRun;
    private int _started;
    private int _running;
    private Task? _task;

    /// <summary>The scratch folder of the throw-away leaderboard.</summary>
    public string Scratch => Path.Combine(root, ".harness", "leaderboard-prewarm");

    public void Starting(MatrixRunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            _toRun = plan.ToRun.Count;
        }

        inner.Starting(plan);
    }

    public void CellStarted(ExperimentCell cell, int worker, string device)
    {
        lock (_gate)
        {
            _started++;
            _running++;
            MaybeStart();
        }

        inner.CellStarted(cell, worker, device);
    }

    public void CellProgressed(ExperimentCell cell, CellProgress progress) => inner.CellProgressed(cell, progress);

    public void CellFinished(ExperimentCell cell, CellExecution execution)
    {
        lock (_gate)
        {
            _running--;
            MaybeStart();
        }

        inner.CellFinished(cell, execution);
    }

    /// <summary>Asks the throw-away build to stop at its next check (without waiting: the work it has done so far is
    /// shared by the real build, which starts at once).</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Stops the throw-away build if it is still running, waits for it and removes its folder.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task? task;
        lock (_gate)
        {
            task = _task;
        }

        if (task is not null)
        {
            await task.ConfigureAwait(false);
        }

        TryDelete(Scratch);
        _stop.Dispose();
    }

    private void MaybeStart()
    {
        // Called under _gate: the queue is empty and the running cells leave a core idle.
        if (_task is not null || _started < _toRun || _running == 0 || _running * threadsPerCell >= Environment.ProcessorCount)
        {
            return;
        }

        var token = _stop.Token;
        _task = Task.Run(() => BuildAsync(token), CancellationToken.None);
    }

    private async Task BuildAsync(CancellationToken token)
    {
        try
        {
            var table = await LeaderboardBuilder.BuildAsync(new ResultStore(root), new LeaderboardOptions(), token).ConfigureAwait(false);
            if (table.Rows.Count == 0)
            {
                return;
            }

            TryDelete(Scratch);
            Directory.CreateDirectory(Scratch);
            await LeaderboardWriter.WriteAsync(table, Scratch, new ScottPlotPlotter(), token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failed warm-up changes nothing: the real regeneration at the end reports its own errors.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Harmless: the next run clears it first.
        }
    }
}
