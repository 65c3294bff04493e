using System.Diagnostics;
using System.Globalization;

namespace Harness.Core.Progress;

/// <summary>
/// Progress as plain lines for logs and redirected output: <c>PREFIX: LABEL: DONE/TOTAL (P%)</c> at most once per
/// interval while a stage runs (on a report, or from a heartbeat when the stage reports nothing, such as a dataset
/// build inside a plugin: <c>PREFIX: LABEL: running for S s</c>), and <c>PREFIX: LABEL: done, N items in S s</c>
/// when a stage that printed anything ends. Stages that end within the first interval print nothing, so quick work
/// stays quiet.
/// </summary>
public sealed class LogProgressDisplay : IProgressDisplay
{
    private readonly TextWriter _output;
    private readonly TimeSpan _interval;
    private readonly string _prefix;
    private readonly Func<TimeSpan> _clock;
    private readonly object _gate = new();
    private readonly List<Stage> _open = [];
    private readonly Timer? _heartbeat;

    /// <summary>Creates a display.</summary>
    /// <param name="output">Where lines go (normally standard error).</param>
    /// <param name="interval">The least time between two lines of one stage.</param>
    /// <param name="prefix">Starts every line (for example <c>harness</c>).</param>
    /// <param name="clock">Elapsed time (for tests); null = a stopwatch started now.</param>
    /// <param name="heartbeat">Whether a timer calls <see cref="Tick"/> every interval (tests call it themselves).</param>
    public LogProgressDisplay(TextWriter output, TimeSpan interval, string prefix = "harness", Func<TimeSpan>? clock = null, bool heartbeat = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _interval = interval;
        _prefix = prefix;
        if (clock is null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed;
        }

        _clock = clock;
        if (heartbeat && interval > TimeSpan.Zero)
        {
            _heartbeat = new Timer(_ => Tick(), null, interval, interval);
        }
    }

    /// <inheritdoc />
    public IProgressStage Start(string label, long? total)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var stage = new Stage(this, label, total, _clock());
        lock (_gate)
        {
            _open.Add(stage);
        }

        return stage;
    }

    /// <summary>Prints a line for every open stage that has printed nothing for an interval.</summary>
    public void Tick()
    {
        Stage[] open;
        lock (_gate)
        {
            open = [.. _open];
        }

        foreach (var stage in open)
        {
            stage.Heartbeat();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _heartbeat?.Dispose();

    private void Write(string line)
    {
        lock (_gate)
        {
            _output.WriteLine($"{_prefix}: {line}");
            _output.Flush();
        }
    }

    private void Close(Stage stage)
    {
        lock (_gate)
        {
            _open.Remove(stage);
        }
    }

    private sealed class Stage(LogProgressDisplay owner, string label, long? total, TimeSpan started) : IProgressStage
    {
        private readonly object _lock = new();
        private readonly TimeSpan _started = started;
        private TimeSpan _lastLine = started;
        private long _done;
        private bool _reported;
        private bool _printed;
        private bool _disposed;

        public string Label => label;

        public long? Total => total;

        public void Report(long value)
        {
            lock (_lock)
            {
                _done = value;
                _reported = true;
            }

            Print();
        }

        public void Heartbeat() => Print();

        public void Dispose()
        {
            bool print, reported;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                print = _printed;
                reported = _reported;
            }

            owner.Close(this);
            if (print)
            {
                var seconds = (owner._clock() - _started).TotalSeconds;
                owner.Write(reported
                    ? string.Create(CultureInfo.InvariantCulture, $"{label}: done, {_done} items in {seconds:F1} s")
                    : string.Create(CultureInfo.InvariantCulture, $"{label}: done in {seconds:F1} s"));
            }
        }

        private void Print()
        {
            var now = owner._clock();
            long done;
            bool reported;
            lock (_lock)
            {
                if (_disposed || now - _lastLine < owner._interval)
                {
                    return;
                }

                _lastLine = now;
                _printed = true;
                done = _done;
                reported = _reported;
            }

            owner.Write(
                !reported ? string.Create(CultureInfo.InvariantCulture, $"{label}: running for {(now - _started).TotalSeconds:F0} s")
                : total is { } t && t > 0 ? string.Create(CultureInfo.InvariantCulture, $"{label}: {done}/{t} ({100.0 * done / t:F0}%)")
                : string.Create(CultureInfo.InvariantCulture, $"{label}: {done}"));
        }
    }
}
