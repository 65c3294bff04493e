using Harness.Core.Progress;
using Spectre.Console;

namespace Harness.Cli.Output;

/// <summary>
/// A live Spectre.Console progress display on standard error (a terminal): one bar per stage, with speed and time
/// left. Spectre's display runs inside a callback, so it runs on a background task for the display's lifetime and
/// stages are added to it as the work starts them (Spectre's task values are safe to set from other threads).
/// </summary>
internal sealed class SpectreProgressDisplay : IProgressDisplay
{
    private readonly TaskCompletionSource<ProgressContext> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _render;

    public SpectreProgressDisplay(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        _render = Task.Run(() => console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _ready.SetResult(context);
                await _finished.Task.ConfigureAwait(false);
            }));
    }

    public IProgressStage Start(string label, long? total)
    {
        var context = _ready.Task.GetAwaiter().GetResult();
        var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total ?? 1));
        task.IsIndeterminate = total is null;
        return new Stage(task, label, total);
    }

    public void Dispose()
    {
        _finished.TrySetResult();
        try
        {
            _render.Wait();
        }
        catch (AggregateException)
        {
            // The terminal went away; nothing more to show.
        }
    }

    private sealed class Stage(ProgressTask task, string label, long? total) : IProgressStage
    {
        public string Label => label;

        public long? Total => total;

        public void Report(long value) => task.Value = Math.Min(value, task.MaxValue);

        public void Dispose()
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
