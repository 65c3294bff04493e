using System.Diagnostics;
using Harness.Core.Slurm;
using Harness.Results.Storage;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>harness slurm: the job array scripts, and a real single-node Slurm (SLURM.md in the shared notes) running a 4-cell matrix.</summary>
[NonParallelizable]
public sealed class SlurmCommandTests
{
    [Test]
    public void The_array_script_runs_the_cell_on_its_line_of_the_index_map_with_the_resources_asked_for()
    {
        var options = new SlurmOptions
        {
            Executable = "/opt/harness/harness",
            SpecPath = "/specs/m's.yaml",
            ResultsRoot = "/results/m",
            Name = "m",
            Partition = "gpu",
            GpusPerTask = 1,
            CpusPerTask = 4,
            Memory = "16G",
            Time = "0-01:00:00",
            PluginDirectories = ["/plugins"],
        };

        var script = SlurmScripts.ArrayScript(options, "/results/m/slurm/cells.txt", 4);
        var leaderboard = SlurmScripts.LeaderboardScript(options);

        Assert.That(script, Does.StartWith("#!/bin/bash\n#SBATCH --job-name=harness-m\n#SBATCH --array=0-3\n"));
        Assert.That(script, Does.Contain("#SBATCH --partition=gpu\n#SBATCH --cpus-per-task=4\n#SBATCH --mem=16G\n#SBATCH --time=0-01:00:00\n#SBATCH --gpus-per-task=1\n"));
        Assert.That(script, Does.Contain("id=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" '/results/m/slurm/cells.txt')"));
        Assert.That(script, Does.EndWith("exec '/opt/harness/harness' cell '/specs/m'\\''s.yaml' --id \"$id\" --out '/results/m' --device cuda --threads \"${SLURM_CPUS_PER_TASK:-1}\" --plugins '/plugins'\n"));
        Assert.That(leaderboard, Does.Contain("'/opt/harness/harness' status '/results/m'\n"));
        Assert.That(leaderboard, Does.EndWith("exec '/opt/harness/harness' leaderboard '/results/m'\n"));
    }

    [Test]
    public void Writing_without_submit_lists_only_the_incomplete_cells()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("m.yaml", MatrixFixture.Spec(seeds: "[1, 2, 3]"));
        var cache = temp.Combine("cache");
        var outDir = temp.Combine("out");
        var one = HarnessCli.RunWithCache(cache, "plan", spec).Stdout.Split('\n')[2][..16];
        var cell = HarnessCli.RunWithCache(cache, "cell", spec, "--id", one, "--out", outDir);

        var r = HarnessCli.RunWithCache(cache, "slurm", spec, "--out", outDir, "--cpus-per-task", "1");

        Assert.That(cell.ExitCode, Is.Zero, cell.Stderr);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.StartWith("2 incomplete cells of 3"));
        var ids = File.ReadAllLines(Path.Combine(outDir, "slurm", "cells.txt"));
        Assert.That(ids, Has.Length.EqualTo(2).And.No.Member(one));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "slurm", "array.sbatch")), Does.Contain("#SBATCH --array=0-1\n"));
    }

    [Test]
    public void A_job_array_on_a_single_node_slurm_gives_the_same_results_as_a_local_run()
    {
        if (!OnPath("sbatch") || !OnPath("slurmctld"))
        {
            Assert.Ignore("Slurm is not installed here (.ci/run installs slurm-wlm with apt; see SLURM.md in the shared notes)");
        }

        var script = Path.Combine(TestPaths.RepoRoot, "scripts", "slurm-local.sh");
        var start = ProcessRunner.Run("bash", [script, "start"], timeoutSeconds: 60);
        Assert.That(start.ExitCode, Is.Zero, $"single-node Slurm would not start: {start.Stdout}{start.Stderr}");
        try
        {
            using var temp = new TempDirectory();
            var spec = temp.File("m.yaml", MatrixFixture.Spec(seeds: "[1, 2]", rerankers: "[ none, query-likelihood ]"));
            var cache = temp.Combine("cache");
            var cluster = temp.Combine("cluster");
            var local = temp.Combine("local");

            var submit = HarnessCli.RunWithCache(cache, "slurm", spec, "--out", cluster, "--submit");
            Assert.That(submit.ExitCode, Is.Zero, submit.Stdout + submit.Stderr);
            Assert.That(submit.Stdout, Does.Contain("submitted array job").And.Contain("(4 tasks)"));
            var store = new ResultStore(cluster);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(5) && store.CellsAsync().Result.Count(c => c.IsComplete) < 4)
            {
                Thread.Sleep(500);
            }

            var logs = Directory.Exists(Path.Combine(cluster, "slurm", "logs"))
                ? string.Join("\n", Directory.GetFiles(Path.Combine(cluster, "slurm", "logs")).Select(File.ReadAllText))
                : "(no logs)";
            var clusterCells = store.CellsAsync().Result;
            Assert.That(clusterCells.Count(c => c.IsComplete), Is.EqualTo(4), logs);

            var run = HarnessCli.RunWithCache(cache, "run", spec, "--out", local);
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            var localCells = new ResultStore(local).CellsAsync().Result;
            Assert.That(localCells.Select(c => c.CellId), Is.EqualTo(clusterCells.Select(c => c.CellId)));
            foreach (var (a, b) in clusterCells.Zip(localCells))
            {
                Assert.That(ResultStore.ReadMetricsAsync(b).Result, Is.EqualTo(ResultStore.ReadMetricsAsync(a).Result), a.CellId);
            }

            // The rerun finds nothing left to submit.
            var again = HarnessCli.RunWithCache(cache, "slurm", spec, "--out", cluster);
            Assert.That(again.Stdout, Does.StartWith("all 4 cells are complete"));
        }
        finally
        {
            ProcessRunner.Run("bash", [script, "stop"], timeoutSeconds: 60);
        }
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/usr/bin"]).Any(d => File.Exists(Path.Combine(d, name)));
}
