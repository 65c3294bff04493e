using System.CommandLine;
using Harness.Abstractions.Plugins;
using Harness.Core.Running;
using Harness.Core.Slurm;
using Harness.Results.Storage;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// <c>harness slurm SPEC --out DIR [--partition P] [--gpus-per-task N] [--cpus-per-task N] [--mem M] [--time T]
/// [--submit]</c>: an sbatch job array over the incomplete cells plus a dependent leaderboard job.
/// </summary>
internal static class SlurmCommand
{
    public static Command Create()
    {
        var spec = MatrixPlanning.Spec();
        var output = MatrixPlanning.Out("The results folder, on storage every node sees (default results/NAME).");
        var partition = new Option<string?>("--partition") { Description = "Slurm partition.", HelpName = "P" };
        var gpus = new Option<int>("--gpus-per-task") { Description = "GPUs per array task (cells then run on cuda).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var cpus = new Option<int>("--cpus-per-task") { Description = "CPUs per array task.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var mem = new Option<string?>("--mem") { Description = "Memory per task (Slurm syntax, e.g. 8G).", HelpName = "M" };
        var time = new Option<string?>("--time") { Description = "Time limit per task (Slurm syntax, e.g. 1:00:00; default from the spec's timeout).", HelpName = "T" };
        var submit = new Option<bool>("--submit") { Description = "Submit with sbatch and print the job ids." };
        var locked = new Option<bool>("--locked") { Description = "Each cell refuses plugins not in plugins.lock." };
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("slurm", "Write (and with --submit, submit) a Slurm job array over the incomplete cells of a matrix, plus a dependent leaderboard job.")
        {
            spec, output, partition, gpus, cpus, mem, time, submit, locked, dirs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(gpus) < 0 || parse.GetValue(cpus) < 1)
            {
                await Console.Error.WriteLineAsync("harness: --gpus-per-task must be at least 0 and --cpus-per-task at least 1").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var specPath = Path.GetFullPath(parse.GetValue(spec)!);
            // Plan for the devices the tasks will have, not this machine's: a login node often has no GPU.
            var plan = MatrixPlanning.Plan(specPath, parse.GetValue(dirs), ["cpu"], Console.Error);
            if (plan is null)
            {
                return ExitStatus.BadInput;
            }

            var root = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : MatrixPlanning.DefaultOut(plan.Spec!);
            Directory.CreateDirectory(root);
            await MatrixFiles.WriteAsync(root, plan, cancellationToken).ConfigureAwait(false);
            var runner = new MatrixRunner(new InProcessCellExecutor(root, PluginContext.DefaultCacheDirectory()), new ResultStore(root));
            var pending = (await runner.PlanAsync(plan.Cells, new MatrixRunOptions { RetryFailed = true }, cancellationToken).ConfigureAwait(false)).ToRun;
            if (pending.Count == 0)
            {
                Console.Out.WriteLine($"all {plan.Cells.Count} cells are complete in {root}; nothing to submit");
                return ExitStatus.Success;
            }

            var job = SlurmScripts.Write(new SlurmOptions
            {
                Executable = Environment.ProcessPath ?? "harness",
                SpecPath = specPath,
                ResultsRoot = root,
                Name = plan.Spec!.Name,
                Partition = parse.GetValue(partition),
                GpusPerTask = parse.GetValue(gpus),
                CpusPerTask = parse.GetValue(cpus),
                Memory = parse.GetValue(mem),
                Time = parse.GetValue(time) ?? (plan.Spec.Timeout is { } t ? Harness.Core.Experiments.DurationText.ToSlurm(t + TimeSpan.FromMinutes(1)) : null),
                PluginDirectories = [.. (parse.GetValue(dirs) ?? []).Select(Path.GetFullPath)],
                CacheDirectory = Environment.GetEnvironmentVariable("HARNESS_CACHE") is { Length: > 0 } c ? Path.GetFullPath(c) : null,
                Locked = parse.GetValue(locked),
            }, [.. pending.Select(p => p.Id)]);
            Console.Out.WriteLine($"{job.Tasks} incomplete cells of {plan.Cells.Count}: wrote {job.ArrayScript}, {job.LeaderboardScript} and the index map {job.IndexMap}");
            if (!parse.GetValue(submit))
            {
                Console.Out.WriteLine($"submit with: sbatch {job.ArrayScript}  (then sbatch --dependency=afterany:JOBID {job.LeaderboardScript})");
                return ExitStatus.Success;
            }

            try
            {
                var (array, leaderboard) = SlurmSubmitter.Submit(job);
                Console.Out.WriteLine($"submitted array job {array} ({job.Tasks} tasks) and leaderboard job {leaderboard}");
                return ExitStatus.Success;
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync($"harness: {e.Message}").ConfigureAwait(false);
                return ExitStatus.CheckFailed;
            }
        });
        return command;
    }
}
