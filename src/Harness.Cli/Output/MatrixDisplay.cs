using Harness.Core.Experiments;
using Harness.Core.Running;
using Spectre.Console;

namespace Harness.Cli.Output;

/// <summary>
/// The run display: on a terminal a live Spectre.Console table (done/failed/running counts, each running cell's stage,
/// step and loss, the ETA); otherwise one plain line per cell started and finished.
/// </summary>
internal sealed class MatrixDisplay : IMatrixObserver
{
    private readonly MatrixProgressModel _model = new();
    private readonly bool _live;
    private readonly TextWriter _out;

    public MatrixDisplay(TextWriter output, bool live)
    {
        _out = output;
        _live = live;
    }

    public MatrixProgressModel Model => _model;

    public static bool IsTerminal => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public void Starting(MatrixRunPlan plan)
    {
        _model.Start(plan);
        var failedBefore = plan.FailedBefore.Count == 0 ? string.Empty : $", {plan.FailedBefore.Count} failed before (kept; --retry-failed reruns them)";
        Write($"{plan.Total} cells: {plan.AlreadyComplete.Count} complete, {plan.ToRun.Count} to run on {plan.Workers} worker{(plan.Workers == 1 ? string.Empty : "s")}{failedBefore}");
    }

    public void CellStarted(ExperimentCell cell, int worker, string device)
    {
        _model.Started(cell, worker, device);
        if (!_live)
        {
            Write($"start  {cell.Id}  {cell.DisplayName}  [worker {worker}, {device}]");
        }
    }

    public void CellProgressed(ExperimentCell cell, CellProgress progress)
    {
        _model.Progressed(cell, progress);
        if (progress.Stage == CellProgress.ResumedStage)
        {
            Write($"resume {cell.Id}  {cell.DisplayName}  training resumed from the checkpoint at step {progress.Step}");
        }
    }

    public void CellFinished(ExperimentCell cell, CellExecution execution)
    {
        _model.Finished(cell, execution);
        var plan = _model.Plan!;
        var line = execution.Status switch
        {
            CellExecutionStatus.Complete => $"done   {cell.Id}  {cell.DisplayName}  {execution.Elapsed.TotalSeconds:F1} s",
            CellExecutionStatus.Cancelled => $"stop   {cell.Id}  {cell.DisplayName}  (interrupted; not recorded)",
            _ => $"FAILED {cell.Id}  {cell.DisplayName}  {execution.Elapsed.TotalSeconds:F1} s: {execution.Error}",
        };
        var eta = _model.Eta();
        Write($"[{_model.Done + _model.Failed}/{plan.ToRun.Count}] {line}{(eta is { } e && execution.Status == CellExecutionStatus.Complete ? $"  (ETA {Format(e)})" : string.Empty)}");
    }

    /// <summary>Draws the live table until <paramref name="work"/> ends (plain mode just awaits it).</summary>
    public async Task<T> RunAsync<T>(Task<T> work)
    {
        if (!_live)
        {
            return await work.ConfigureAwait(false);
        }

        await AnsiConsole.Live(Render()).AutoClear(true).StartAsync(async ctx =>
        {
            while (!work.IsCompleted)
            {
                ctx.UpdateTarget(Render());
                await Task.WhenAny(work, Task.Delay(250)).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return await work.ConfigureAwait(false);
    }

    private Table Render()
    {
        var plan = _model.Plan;
        var eta = _model.Eta();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{(plan is null ? 0 : plan.AlreadyComplete.Count + _model.Done)}[/] done, [red]{_model.Failed}[/] failed, [blue]{_model.Running().Count}[/] running, {(plan is null ? 0 : plan.ToRun.Count - _model.Done - _model.Failed - _model.Running().Count)} waiting; {Format(_model.Elapsed)} elapsed{(eta is { } e ? $", ETA {Format(e)}" : string.Empty)}")
            .AddColumn("worker").AddColumn("cell").AddColumn("name").AddColumn("stage").AddColumn("time");
        foreach (var r in _model.Running())
        {
            table.AddRow($"{r.Worker} ({r.Device})", r.Cell.Id, Markup.Escape(r.Cell.DisplayName), Markup.Escape(MatrixProgressModel.Describe(r.Progress)), Format(r.Elapsed));
        }

        return table;
    }

    private void Write(string line)
    {
        if (_live)
        {
            AnsiConsole.MarkupLine(Markup.Escape(line));
        }
        else
        {
            lock (_out)
            {
                _out.WriteLine(line);
                _out.Flush();
            }
        }
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:F0}s";
}
