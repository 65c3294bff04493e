using System.Diagnostics;
using System.Globalization;

namespace Harness.Core.Progress;

/// <summary>
/// Progress as plain lines for logs and redirected output: <c>PREFIX: LABEL: DONE/TOTAL (P%)</c> at most once per
/// interval while a stage runs, and <c>PREFIX: LABEL: done, N items in S s</c> when it ends. Stages that end within
/// the first interval print nothing, so quick work stays quiet.
/// </summary>
public sealed class LogProgressDisplay : IProgressDisplay
{
    private readonly TextWriter _output;
    private readonly TimeSpan _interval;
    private readonly string _prefix;
    private readonly Func<TimeSpan> _clock;
    private readonly object _gate = new();

    /// <summary>Creates a display.</summary>
    /// <param name="output">Where lines go (normally standard error).</param>
    /// <param name="interval">The least time between two lines of one stage.</param>
    /// <param name="prefix">Starts every line (for example <c>harness</c>).</param>
    /// <param name="clock">Elapsed time (for tests); null = a stopwatch started now.</param>
    public LogProgressDisplay(TextWriter output, TimeSpan interval, string prefix = "harness", Func<TimeSpan>? clock = null)
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
    }

    /// <inheritdoc />
    public IProgressStage Start(string label, long? total)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        return new Stage(this, label, total, _clock());
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            _output.WriteLine($"{_prefix}: {line}");
            _output.Flush();
        }
    }

    private sealed class Stage(LogProgressDisplay owner, string label, long? total, TimeSpan started) : IProgressStage
    {
        private readonly TimeSpan _started = started;
        private TimeSpan _lastLine = started;
        private long _done;
        private bool _printed;
        private bool _disposed;

        public string Label => label;

        public long? Total => total;

        public void Report(long value)
        {
            var now = owner._clock();
            lock (this)
            {
                _done = value;
                if (_disposed || now - _lastLine < owner._interval)
                {
                    return;
                }

                _lastLine = now;
                _printed = true;
            }

            owner.Write(total is { } t && t > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{label}: {value}/{t} ({100.0 * value / t:F0}%)")
                : string.Create(CultureInfo.InvariantCulture, $"{label}: {value}"));
        }

        public void Dispose()
        {
            bool print;
            lock (this)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                print = _printed;
            }

            if (print)
            {
                var seconds = (owner._clock() - _started).TotalSeconds;
                owner.Write(string.Create(CultureInfo.InvariantCulture, $"{label}: done, {_done} items in {seconds:F1} s"));
            }
        }
    }
}
