using System.Diagnostics;
using Harness.Core.Experiments;
using Harness.Core.Running;

namespace Harness.Cli.Output;

/// <summary>The state the run display draws: counts, the running cells with their stage/step/loss, and an ETA.</summary>
internal sealed class MatrixProgressModel
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (ExperimentCell Cell, int Worker, string Device, CellProgress? Progress, Stopwatch Clock)> _running = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double> _durations = [];

    public MatrixRunPlan? Plan { get; private set; }

    public int Done { get; private set; }

    public int Failed { get; private set; }

    public void Start(MatrixRunPlan plan)
    {
        lock (_gate)
        {
            Plan = plan;
        }
    }

    public void Started(ExperimentCell cell, int worker, string device)
    {
        lock (_gate)
        {
            _running[cell.Id] = (cell, worker, device, null, Stopwatch.StartNew());
        }
    }

    public void Progressed(ExperimentCell cell, CellProgress progress)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(cell.Id, out var r))
            {
                _running[cell.Id] = r with { Progress = progress };
            }
        }
    }

    public void Finished(ExperimentCell cell, CellExecution execution)
    {
        lock (_gate)
        {
            _running.Remove(cell.Id);
            switch (execution.Status)
            {
                case CellExecutionStatus.Complete:
                    Done++;
                    _durations.Add(execution.Elapsed.TotalSeconds);
                    break;
                case CellExecutionStatus.Failed or CellExecutionStatus.Diverged or CellExecutionStatus.Busy:
                    Failed++;
                    _durations.Add(execution.Elapsed.TotalSeconds);
                    break;
            }
        }
    }

    public IReadOnlyList<(ExperimentCell Cell, int Worker, string Device, CellProgress? Progress, TimeSpan Elapsed)> Running()
    {
        lock (_gate)
        {
            return [.. _running.Values.OrderBy(r => r.Worker).Select(r => (r.Cell, r.Worker, r.Device, r.Progress, r.Clock.Elapsed))];
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Remaining time: mean cell time × cells left / workers (null until a cell has finished).</summary>
    public TimeSpan? Eta()
    {
        lock (_gate)
        {
            if (Plan is null || _durations.Count == 0)
            {
                return null;
            }

            var left = Plan.ToRun.Count - Done - Failed;
            return TimeSpan.FromSeconds(_durations.Average() * Math.Max(0, left) / Math.Max(1, Math.Min(Plan.Workers, Math.Max(1, left))));
        }
    }

    public static string Describe(CellProgress? progress) => progress switch
    {
        null => "starting",
        { Step: { } step, Loss: { } loss } => $"{progress.Stage} step {step}{(progress.TotalSteps is { } t ? $"/{t}" : string.Empty)} loss {loss:F4}",
        _ => progress.Stage,
    };
}
