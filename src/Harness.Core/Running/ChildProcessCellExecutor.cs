using System.Diagnostics;
using Harness.Core.Experiments;
using Harness.Results.Manifests;
using Harness.Results.Storage;

namespace Harness.Core.Running;

/// <summary>
/// Runs each cell in its own process (<c>harness cell SPEC --id ID --out DIR</c>), so a plugin that crashes the
/// process (Environment.FailFast, a native fault, SIGKILL, the OOM killer) or hangs past the time limit fails only
/// that cell. The child writes its own files and failure manifests; when it dies without one, this executor writes
/// the failure manifest with the exit status, the signal and the last lines the child printed.
/// </summary>
/// <param name="options">How to start the child.</param>
public sealed class ChildProcessCellExecutor(ChildProcessCellExecutorOptions options) : ICellExecutor
{
    private const int StderrLinesKept = 6;

    /// <inheritdoc />
    public async Task<CellExecution> ExecuteAsync(ExperimentCell cell, string device, IProgress<CellProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var psi = new ProcessStartInfo(options.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(cell.Id, device))
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in RuntimeSettings(options.ThreadsPerCell))
        {
            // A setting the user exported wins.
            if (Environment.GetEnvironmentVariable(name) is null)
            {
                psi.Environment[name] = value;
            }
        }

        var stderr = new Queue<string>();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) =>
        {
            if (CellProgressLine.TryParse(e.Data) is { } p)
            {
                progress?.Report(p);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data))
            {
                return;
            }

            lock (stderr)
            {
                stderr.Enqueue(e.Data.Trim());
                while (stderr.Count > StderrLinesKept)
                {
                    stderr.Dequeue();
                }
            }
        };
        var oomKillsBefore = ProcessMemory.OomKills();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var memoryStop = new CancellationTokenSource();
        var memory = WatchMemory(process, options.MemoryLimit, options.MemoryPollInterval, memoryStop.Token);

        using var limit = options.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await memoryStop.CancelAsync().ConfigureAwait(false);
            await memory.ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return new CellExecution(cell.Id, CellExecutionStatus.Cancelled, "interrupted", clock.Elapsed);
            }

            var reason = $"timed out after {options.Timeout!.Value.TotalSeconds:0.#} s (the spec's timeout); the cell process was killed";
            await CellResults.WriteFailureAsync(new ResultStore(options.ResultsRoot), cell, CellStatus.Failed, reason, null, started, CancellationToken.None).ConfigureAwait(false);
            return new CellExecution(cell.Id, CellExecutionStatus.Failed, reason, clock.Elapsed);
        }

        // Let the asynchronous readers drain what the child printed last.
        process.WaitForExit();
        await memoryStop.CancelAsync().ConfigureAwait(false);
        var (peak, overLimit) = await memory.ConfigureAwait(false);
        var code = process.ExitCode;
        if (code == CellWorker.BusyExitCode)
        {
            return new CellExecution(cell.Id, CellExecutionStatus.Busy, $"another process is running cell {cell.Id}", clock.Elapsed);
        }

        var store = new ResultStore(options.ResultsRoot);
        var record = await store.InspectAsync(cell.Id, CancellationToken.None).ConfigureAwait(false);
        var fresh = record.Manifest?.Timings?.Finished is { } finished && finished >= started.AddSeconds(-1);
        switch (record.State)
        {
            case CellState.Complete when fresh:
                return new CellExecution(cell.Id, CellExecutionStatus.Complete, null, clock.Elapsed);
            case CellState.Failed or CellState.Diverged when fresh:
                return new CellExecution(cell.Id, record.State == CellState.Diverged ? CellExecutionStatus.Diverged : CellExecutionStatus.Failed, record.Manifest!.Error, clock.Elapsed);
        }

        string tail;
        lock (stderr)
        {
            tail = string.Join(" | ", stderr);
        }

        var why = OutOfMemoryReason(code, peak, overLimit, oomKillsBefore) ?? DescribeExit(code) + (tail.Length == 0 ? string.Empty : $"; last output: {tail}");
        await CellResults.WriteFailureAsync(store, cell, CellStatus.Failed, why, null, started, CancellationToken.None).ConfigureAwait(false);
        return new CellExecution(cell.Id, CellExecutionStatus.Failed, why, clock.Elapsed);
    }

    /// <summary>
    /// Why a cell process that recorded nothing ran out of memory, or null when it did not: it went over the spec's
    /// <c>memory:</c> limit (this executor killed it), or it died of SIGKILL while the kernel's out-of-memory kill
    /// count of this cgroup went up, or with its peak resident memory within 10% of the limit that applies.
    /// </summary>
    private string? OutOfMemoryReason(int code, long peak, bool overLimit, long? oomKillsBefore)
    {
        var prefix = CellWorker.OutOfMemoryReason;
        if (overLimit)
        {
            return $"{prefix}: the cell process used {ByteSizeText.Format(peak)}, over the spec's memory limit {ByteSizeText.Format(options.MemoryLimit!.Value)}; it was killed";
        }

        if (code != 128 + 9)
        {
            return null;
        }

        if (oomKillsBefore is { } before && ProcessMemory.OomKills() is { } after && after > before)
        {
            return $"{prefix}: the kernel's out-of-memory killer killed the cell process (SIGKILL; peak resident memory {ByteSizeText.Format(peak)})";
        }

        if ((options.MemoryLimit ?? ProcessMemory.Limit()) is { } limit && peak >= limit * 0.9)
        {
            return $"{prefix}: the cell process was killed (SIGKILL) with {ByteSizeText.Format(peak)} resident, near the memory limit {ByteSizeText.Format(limit)}";
        }

        return null;
    }

    /// <summary>Reads the child's peak resident memory until stopped; kills it when it goes over the limit.</summary>
    private static Task<(long Peak, bool OverLimit)> WatchMemory(Process process, long? limit, TimeSpan interval, CancellationToken stop) => Task.Run(async () =>
    {
        var pid = process.Id;
        long peak = 0;
        while (true)
        {
            if ((ProcessMemory.Peak(pid) ?? ProcessMemory.Resident(pid)) is { } bytes)
            {
                peak = Math.Max(peak, bytes);
                if (limit is { } max && bytes > max)
                {
                    Kill(process);
                    return (peak, true);
                }
            }

            try
            {
                await Task.Delay(interval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (peak, false);
            }
        }
    }, CancellationToken.None);

    /// <summary>
    /// The .NET runtime settings of a cell process (environment variables), so a cell given N threads uses N cores
    /// and spends little CPU on the runtime itself (measured in benchmarks/README.md, "Matrix runner"):
    /// <list type="bullet">
    /// <item><c>DOTNET_PROCESSOR_COUNT</c> = N (when N is below the machine's count): the runtime sizes its thread pool
    /// and the <c>Parallel</c> loops of the pipeline (evaluation, the dataset's content hash) to N cores, so two
    /// one-thread cells on two cores do not take CPU from each other;</item>
    /// <item><c>DOTNET_TieredPGO</c> = 0: a cell process lives seconds to minutes and its hot loops are in libtorch;
    /// the instrumented tier costs more JIT time than its profile gives back.</item>
    /// </list>
    /// The garbage collector is already workstation, non-concurrent (the CLI's runtimeconfig), so no background GC
    /// thread runs beside the cell.
    /// </summary>
    /// <param name="threads">The cell's CPU threads.</param>
    /// <returns>Name and value of each variable.</returns>
    public static IReadOnlyList<(string Name, string Value)> RuntimeSettings(int threads)
    {
        var settings = new List<(string, string)> { ("DOTNET_TieredPGO", "0") };
        if (threads >= 1 && threads < Environment.ProcessorCount)
        {
            settings.Add(("DOTNET_PROCESSOR_COUNT", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return settings;
    }

    /// <summary>The arguments of the child (after the executable).</summary>
    /// <param name="cellId">The cell.</param>
    /// <param name="device">Its device.</param>
    /// <returns>The arguments.</returns>
    public IReadOnlyList<string> Arguments(string cellId, string device)
    {
        var args = new List<string>
        {
            "cell", options.SpecPath, "--id", cellId, "--out", options.ResultsRoot, "--device", device,
            "--threads", options.ThreadsPerCell.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var dir in options.PluginDirectories)
        {
            args.Add("--plugins");
            args.Add(dir);
        }

        if (options.Locked)
        {
            args.Add("--locked");
        }

        return args;
    }

    /// <summary>A one-line reading of a child's exit status (on Unix, 128 + N means it was killed by signal N).</summary>
    /// <param name="code">The exit status.</param>
    /// <returns>The text.</returns>
    public static string DescribeExit(int code) => code switch
    {
        134 => "the cell process aborted (SIGABRT: Environment.FailFast or a native abort)",
        137 => "the cell process was killed (SIGKILL; the kernel's out-of-memory killer does this too)",
        139 => "the cell process crashed (SIGSEGV: a native fault)",
        143 => "the cell process was terminated (SIGTERM)",
        > 128 and < 160 => $"the cell process was killed by signal {code - 128}",
        0 => "the cell process exited without recording the cell",
        _ => $"the cell process exited with status {code} without recording the cell",
    };

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
