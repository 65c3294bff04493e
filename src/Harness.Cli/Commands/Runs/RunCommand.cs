using System.CommandLine;
using Harness.Cli.Output;
using Harness.Core.Experiments;
using Harness.Core.Running;
using Harness.Core.Validation;
using Harness.Leaderboard;
using Harness.Leaderboard.Plotting;
using Harness.Results;
using Harness.Results.Storage;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// <c>harness run [SPEC] [--out DIR] [--workers N] [--devices cpu,cuda:0] [--retry-failed] [--locked]</c>: runs every
/// incomplete cell, each in its own <c>harness cell</c> process, N at a time.
/// </summary>
internal static class RunCommand
{
    /// <summary>Exit status when interrupted (SIGINT/SIGTERM), as the teams agreed.</summary>
    private const int Interrupted = 130;

    public static Command Create()
    {
        var spec = MatrixPlanning.OptionalSpec();
        var output = MatrixPlanning.Out("The results folder (default results/NAME, NAME from the spec).");
        var workers = new Option<int>("--workers") { Description = "Cells run at once, each in its own process.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var devices = new Option<string?>("--devices") { Description = "Comma-separated devices, one per worker round-robin (cpu, cuda, cuda:N); default the spec's device.", HelpName = "LIST" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads per cell (default: cores / workers).", HelpName = "N" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Run again the cells that failed or diverged in an earlier run." };
        var locked = new Option<bool>("--locked") { Description = "Refuse any plugin whose SHA-256 is not in plugins.lock next to the spec." };
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("run", $"Run every cell of a matrix that is not complete yet (default spec {MatrixPlanning.DefaultSpec}), each in its own process; resumable.")
        {
            spec, output, workers, devices, threads, retryFailed, locked, dirs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var specPath = parse.GetValue(spec) ?? MatrixPlanning.DefaultSpec;
            if (parse.GetValue(workers) < 1)
            {
                await Console.Error.WriteLineAsync("harness: --workers must be at least 1").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            List<string>? deviceList = null;
            if (parse.GetValue(devices) is { } text)
            {
                deviceList = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                var bad = deviceList.Where(d => !DeviceRequest.IsValid(d)).ToList();
                if (deviceList.Count == 0 || bad.Count > 0)
                {
                    await Console.Error.WriteLineAsync($"harness: --devices: {(bad.Count > 0 ? $"'{bad[0]}' is not a device" : "no device given")} (auto, cpu, cuda, cuda:N)").ConfigureAwait(false);
                    return ExitStatus.BadInput;
                }
            }

            var plan = MatrixPlanning.Plan(specPath, parse.GetValue(dirs), deviceList, Console.Error);
            if (plan is null)
            {
                return ExitStatus.BadInput;
            }

            var pluginDirs = (parse.GetValue(dirs) ?? []).Select(Path.GetFullPath).ToList();
            if (parse.GetValue(locked))
            {
                var refused = PluginLock.Check(PluginLock.PathFor(specPath), plan.Cells);
                if (refused.Count > 0)
                {
                    foreach (var p in refused)
                    {
                        await Console.Error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
                    }

                    await Console.Error.WriteLineAsync("harness: --locked: nothing was run").ConfigureAwait(false);
                    return ExitStatus.BadInput;
                }
            }

            var matrix = plan.Spec!;
            var root = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : MatrixPlanning.DefaultOut(matrix);
            // Only `auto` needs to know whether CUDA is there; asking loads libtorch into this process (~0.35 s of
            // start-up and ~0.3 s of static destructors at exit, serial time of every run), so a CPU matrix does not.
            var requestedDevices = deviceList ?? [matrix.Device];
            var cuda = requestedDevices.Contains("auto") && NvidiaDriverMayBePresent() && DeviceAvailableValidator.CudaDeviceCount() > 0;
            var resolvedDevices = requestedDevices.Select(d => DeviceRequest.Resolve(d, cuda)).ToList();
            var workerCount = parse.GetValue(workers);
            try
            {
                Directory.CreateDirectory(root);
                await MatrixFiles.WriteAsync(root, plan, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"harness: cannot write to {root}: {e.Message}").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var threadsPerCell = Math.Max(1, parse.GetValue(threads) ?? (Environment.ProcessorCount / workerCount));
            var executor = new ChildProcessCellExecutor(new ChildProcessCellExecutorOptions
            {
                Executable = Environment.ProcessPath ?? "harness",
                SpecPath = Path.GetFullPath(specPath),
                ResultsRoot = root,
                PluginDirectories = pluginDirs,
                Timeout = matrix.Timeout,
                MemoryLimit = matrix.MemoryLimit,
                ThreadsPerCell = threadsPerCell,
                Locked = parse.GetValue(locked),
            });
            var display = new MatrixDisplay(Console.Out, MatrixDisplay.IsTerminal);
            var runner = new MatrixRunner(executor, new ResultStore(root));
            // Disposed when the verb returns: after the real leaderboard, which runs without waiting for it.
            await using var prewarm = new LeaderboardPrewarm(display, root, threadsPerCell, cancellationToken);
            var summary = await display.RunAsync(runner.RunAsync(plan.Cells, new MatrixRunOptions
            {
                Workers = workerCount,
                Devices = resolvedDevices,
                RetryFailed = parse.GetValue(retryFailed),
            }, prewarm, cancellationToken)).ConfigureAwait(false);
            prewarm.Stop();

            Console.Out.WriteLine($"{summary.Complete} of {summary.Plan.Total} cells complete in {SpecReader.DisplayPath(root)}");
            if (summary.Interrupted)
            {
                await Console.Error.WriteLineAsync("harness: interrupted; run the same command again to finish the matrix (complete cells are kept)").ConfigureAwait(false);
                return Interrupted;
            }

            if (summary.Complete > 0)
            {
                await RegenerateLeaderboardAsync(root, cancellationToken).ConfigureAwait(false);
            }

            var failed = summary.Failed;
            if (failed.Count > 0)
            {
                await Console.Error.WriteLineAsync($"harness: {failed.Count} cell{(failed.Count == 1 ? string.Empty : "s")} failed:").ConfigureAwait(false);
                foreach (var (cell, reason) in failed)
                {
                    await Console.Error.WriteLineAsync($"  {cell.Id}  {cell.DisplayName}: {reason}").ConfigureAwait(false);
                }

                return ExitStatus.CheckFailed;
            }

            return ExitStatus.Success;
        });
        return command;
    }

    /// <summary>
    /// False only when CUDA certainly cannot be there: on Linux, libtorch finds CUDA devices through the NVIDIA driver,
    /// which exposes /dev/nvidiactl and /proc/driver/nvidia; without either, asking libtorch is not needed.
    /// </summary>
    private static bool NvidiaDriverMayBePresent() =>
        !OperatingSystem.IsLinux() || File.Exists("/dev/nvidiactl") || Directory.Exists("/proc/driver/nvidia");

    /// <summary>
    /// Rebuilds DIR/leaderboard.{md,html,parquet} and plots with <c>harness leaderboard</c>'s defaults, through the
    /// Harness.Leaderboard library (no child process). A leaderboard that cannot be built is a warning: the cells
    /// are written and <c>harness leaderboard DIR</c> can be run again.
    /// </summary>
    private static async Task RegenerateLeaderboardAsync(string root, CancellationToken cancellationToken)
    {
        try
        {
            var table = await LeaderboardBuilder.BuildAsync(new ResultStore(root), new LeaderboardOptions(), cancellationToken).ConfigureAwait(false);
            var written = await LeaderboardWriter.WriteAsync(table, root, new ScottPlotPlotter(), cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine($"leaderboard: {table.Rows.Count} configurations ranked by {table.PrimaryMeasure} in {SpecReader.DisplayPath(Path.Combine(root, LeaderboardWriter.MarkdownFileName))} ({written.Count} files)");
        }
        catch (Exception e) when (e is LeaderboardException or IOException or UnauthorizedAccessException or ResultFormatException)
        {
            await Console.Error.WriteLineAsync($"harness: warning: the leaderboard was not regenerated: {e.Message} (run `harness leaderboard {root}`)").ConfigureAwait(false);
        }
    }
}
