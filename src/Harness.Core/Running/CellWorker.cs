using Harness.Core.Provenance;
using Harness.Core.PluginHost;
using Harness.Abstractions;
using Harness.Core.Experiments;
using Harness.Results.Manifests;
using Harness.Results.Storage;

namespace Harness.Core.Running;

/// <summary>
/// The body of <c>harness cell</c>: takes the cell's lock, runs its pipeline and writes its files, or a failure
/// manifest with the reason when a plugin throws, the loss diverges or memory runs out. Whatever happens, the cell is
/// complete, failed, or (when the process is killed) has no manifest at all, never a half-written one.
/// </summary>
public static class CellWorker
{
    /// <summary>Exit status when another process holds the cell's lock.</summary>
    public const int BusyExitCode = 75;

    /// <summary>The reason prefix of a cell that ran out of memory (<see cref="Classify"/>).</summary>
    public const string OutOfMemoryReason = "out-of-memory";

    /// <summary>
    /// A cell's work folder: its training checkpoints, kept across a killed or interrupted run (outside the cell's
    /// folder, which stays complete or absent) and deleted when the cell completes.
    /// </summary>
    /// <param name="resultsRoot">The results folder.</param>
    /// <param name="cellId">The cell.</param>
    /// <returns>The folder (<c>DIR/.harness/work/ID</c>).</returns>
    public static string WorkDirectory(string resultsRoot, string cellId) => Path.Combine(resultsRoot, ".harness", "work", cellId);

    /// <summary>Removes the work folder of a cell that is complete (left behind when a run was killed between writing the cell and cleaning up).</summary>
    /// <param name="resultsRoot">The results folder.</param>
    /// <param name="cellId">The cell.</param>
    public static void RemoveWork(string resultsRoot, string cellId) => TryDelete(WorkDirectory(resultsRoot, cellId));

    /// <summary>Runs a cell into a results folder.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="resultsRoot">The results folder.</param>
    /// <param name="options">Device, cache, threads (the scratch folder is made per cell under the results folder).</param>
    /// <param name="commandLine">The command line, for provenance.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the cell (nothing is recorded then).</param>
    /// <returns>The execution record.</returns>
    public static async Task<CellExecution> RunAsync(ExperimentCell cell, string resultsRoot, CellPipelineOptions options, IReadOnlyList<string> commandLine, IProgress<CellProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cellLock = CellLock.TryAcquire(resultsRoot, cell.Id);
        if (cellLock is null)
        {
            return new CellExecution(cell.Id, CellExecutionStatus.Busy, $"another process is running cell {cell.Id} (lock {CellLock.PathOf(resultsRoot, cell.Id)})", clock.Elapsed);
        }

        var store = new ResultStore(resultsRoot);
        var provenance = ProvenanceCollector.Collect(
            options.Device,
            cell.Plugins.Where(p => p.Plugin is not null).Select(p => new LoadedPlugin(p.Plugin!, p.Plugin!.Info, p.AssemblyPath, new Version(HarnessContract.Version))),
            [new DatasetProvenance(cell.Dataset.Id, cell.Dataset.Parameters.ToString(), cell.DatasetContentHash)],
            commandLine).ToJson();
        var scratch = Path.Combine(resultsRoot, ".harness", "scratch", cell.Id);
        var work = WorkDirectory(resultsRoot, cell.Id);
        try
        {
            Directory.CreateDirectory(scratch);
            var outcome = CellPipeline.Run(cell, options with { ScratchDirectory = scratch, CheckpointDirectory = work }, progress, cancellationToken);
            if (outcome.ResumedFromStep is { } resumed)
            {
                provenance["resumed_training_from_step"] = resumed;
            }

            progress?.Report(new CellProgress("write"));
            await CellResults.WriteCompleteAsync(store, cell, outcome, provenance, started, cancellationToken).ConfigureAwait(false);
            TryDelete(work);
            return new CellExecution(cell.Id, CellExecutionStatus.Complete, null, clock.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var (status, reason) = Classify(e);
            await CellResults.WriteFailureAsync(store, cell, status, reason, provenance, started, CancellationToken.None).ConfigureAwait(false);

            // A checkpoint is kept only for a failure that a retry with more memory can get past; a plugin that threw
            // or a loss that diverged would do the same again.
            if (!reason.StartsWith(OutOfMemoryReason, StringComparison.Ordinal))
            {
                TryDelete(work);
            }

            return new CellExecution(cell.Id, status == CellStatus.Diverged ? CellExecutionStatus.Diverged : CellExecutionStatus.Failed, reason, clock.Elapsed);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    /// <summary>How a failure is recorded: the status and a one-line reason naming the plugin or resource.</summary>
    /// <param name="e">What was thrown.</param>
    /// <returns>The status and reason.</returns>
    public static (CellStatus Status, string Reason) Classify(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        var text = WithoutNativeBacktrace(inner.Message.ReplaceLineEndings(" ").Trim());
        if (inner is CellFailedException failed)
        {
            return (failed.Diverged ? CellStatus.Diverged : CellStatus.Failed, text);
        }

        if (OutOfMemory.IsOutOfMemory(e, out var cause))
        {
            var detail = cause.Message.ReplaceLineEndings(" ").Trim();
            return (CellStatus.Failed, $"{OutOfMemoryReason}: {cause.GetType().Name}: {(detail.Length > 400 ? detail[..400] + "…" : detail)}");
        }

        var origin = inner.TargetSite?.DeclaringType?.FullName;
        return (CellStatus.Failed, $"{inner.GetType().Name}: {text}{(origin is null ? string.Empty : $" (in {origin})")}");
    }

    /// <summary>
    /// libtorch appends its native backtrace to an error ("Exception raised from F at FILE:LINE (most recent call
    /// first): frame #0: ..."), which TorchSharp passes on in the message; a reason keeps the error and where it was
    /// raised, not the frames.
    /// </summary>
    /// <param name="text">The message, on one line.</param>
    /// <returns>The message without the frames.</returns>
    public static string WithoutNativeBacktrace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.IndexOf(" (most recent call first)", StringComparison.Ordinal);
        return cut < 0 ? text : text[..cut].TrimEnd();
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
            // Scratch left behind is harmless; the next run of the cell clears it.
        }
    }
}
