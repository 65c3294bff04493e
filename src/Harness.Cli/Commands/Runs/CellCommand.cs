using System.CommandLine;
using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;
using Harness.Core.Running;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// <c>harness cell SPEC --id ID --out DIR</c> (hidden): runs one cell of a matrix and writes its files. What
/// <c>harness run</c>'s workers and Slurm array tasks run. Exit 0 complete, 1 failed (recorded), 75 cell busy.
/// </summary>
internal static class CellCommand
{
    public static Command Create()
    {
        var spec = MatrixPlanning.Spec();
        var id = new Option<string>("--id") { Description = "The cell id (from harness plan).", Required = true, HelpName = "ID" };
        var output = new Option<string>("--out") { Description = "The results folder.", Required = true, HelpName = "DIR" };
        var device = new Option<string?>("--device") { Description = "cpu, cuda or cuda:N (default: the spec's device).", HelpName = "DEVICE" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for the cell.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var parentPid = new Option<int?>("--parent-pid") { Description = "Exit when this process (harness run) is gone." };
        var locked = new Option<bool>("--locked") { Description = "Refuse plugins whose hash is not in plugins.lock." };
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("cell", "Run one cell of a matrix (used by harness run and Slurm array tasks).")
        {
            spec, id, output, device, threads, parentPid, locked, dirs,
        };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(parentPid) is { } parent)
            {
                ParentWatch.Start(parent);
            }

            var specPath = parse.GetValue(spec)!;
            var requested = parse.GetValue(device);
            if (requested is not null && !DeviceRequest.IsValid(requested))
            {
                await Console.Error.WriteLineAsync($"harness: --device '{requested}' is not a device (auto, cpu, cuda, cuda:N)").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var plan = MatrixPlanning.Plan(specPath, parse.GetValue(dirs), requested is null ? null : [requested], Console.Error, quietWarnings: true);
            if (plan is null)
            {
                return ExitStatus.BadInput;
            }

            var cell = plan.Find(parse.GetValue(id)!);
            if (cell is null)
            {
                await Console.Error.WriteLineAsync($"harness: {SpecReader.DisplayPath(specPath)} has no cell {parse.GetValue(id)} (did the spec, a plugin or a dataset change since it was planned? run harness plan)").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            if (parse.GetValue(locked))
            {
                var refused = PluginLock.Check(PluginLock.PathFor(specPath), [cell]);
                if (refused.Count > 0)
                {
                    foreach (var p in refused)
                    {
                        await Console.Error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
                    }

                    return ExitStatus.BadInput;
                }
            }

            var root = Path.GetFullPath(parse.GetValue(output)!);
            var options = new CellPipelineOptions
            {
                Device = DeviceRequest.Resolve(requested ?? plan.Spec!.Device, Harness.Core.Validation.DeviceAvailableValidator.CudaDeviceCount() > 0),
                CacheDirectory = PluginContext.DefaultCacheDirectory(),
                ScratchDirectory = Path.GetTempPath(),
                Threads = Math.Max(1, parse.GetValue(threads)),
            };
            var progress = new LineProgress();
            var execution = await CellWorker.RunAsync(cell, root, options, ["harness", .. Environment.GetCommandLineArgs().Skip(1)], progress, cancellationToken).ConfigureAwait(false);
            switch (execution.Status)
            {
                case CellExecutionStatus.Complete:
                    return CellProcessExit.Now(ExitStatus.Success);
                case CellExecutionStatus.Busy:
                    await Console.Error.WriteLineAsync($"harness: {execution.Error}").ConfigureAwait(false);
                    return CellProcessExit.Now(ExitStatus.CellBusy);
                default:
                    await Console.Error.WriteLineAsync($"harness: cell {cell.Id} {execution.Status.ToString().ToLowerInvariant()}: {execution.Error}").ConfigureAwait(false);
                    return CellProcessExit.Now(ExitStatus.CheckFailed);
            }
        });
        return command;
    }

    /// <summary>Progress as lines on stdout, for the parent to read.</summary>
    private sealed class LineProgress : IProgress<CellProgress>
    {
        public void Report(CellProgress value)
        {
            Console.Out.WriteLine(CellProgressLine.Format(value));
            Console.Out.Flush();
        }
    }
}
