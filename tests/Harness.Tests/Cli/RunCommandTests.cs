using System.Diagnostics;
using Harness.Results.Schema;
using Harness.Results.Storage;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>harness plan/run/cell/status end to end: each cell in its own process, faults, resume, lock.</summary>
[NonParallelizable]
public sealed class RunCommandTests
{
    private static ProcessRunner.Result Harness(string cache, params string[] args) => HarnessCli.RunWithCache(cache, args);

    [Test]
    public void Plan_reports_every_problem_exits_2_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("bad.yaml", MatrixFixture.Spec().Replace("dim: 16", "dim: 0", StringComparison.Ordinal).Replace("losses: [ infonce ]", "losses: [ nope ]", StringComparison.Ordinal));
        var outDir = temp.Combine("out");

        var plan = Harness(temp.Combine("cache"), "plan", spec);
        var run = Harness(temp.Combine("cache"), "run", spec, "--out", outDir);

        Assert.That(plan.ExitCode, Is.EqualTo(2));
        Assert.That(plan.Stderr, Does.Contain("bad.yaml:5: encoders[0].hashed-bow.dim: 0 is below the minimum 1"));
        Assert.That(plan.Stderr, Does.Contain("bad.yaml:6: losses[0]: no loss plugin 'nope'"));
        Assert.That(plan.Stderr, Does.Contain("harness: 2 problems in"));
        Assert.That(plan.Stderr, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(Directory.Exists(outDir), Is.False, "nothing written");
    }

    [Test]
    public void Faulty_cells_fail_alone_with_their_reason_and_the_matrix_goes_on()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("faults.yaml", MatrixFixture.Spec(seeds: "[1]", rerankers: "[ none, { faulty: { mode: [throw, failfast, kill] } } ]"));
        var outDir = temp.Combine("out");

        var run = Harness(temp.Combine("cache"), "run", spec, "--out", outDir, "--workers", "2", "--plugins", MatrixFixture.FaultyPlugin);
        var status = Harness(temp.Combine("cache"), "status", outDir);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.Contain("1 of 4 cells complete"));
        Assert.That(run.Stderr, Does.Contain("3 cells failed:"));
        Assert.That(run.Stderr, Does.Contain("faulty(mode=throw)").And.Contain("InvalidOperationException: fixture: the faulty reranker threw on purpose"));
        Assert.That(run.Stderr, Does.Contain("faulty(mode=failfast)").And.Contain("aborted (SIGABRT: Environment.FailFast"));
        Assert.That(run.Stderr, Does.Contain("faulty(mode=kill)").And.Contain("was killed (SIGKILL"));
        Assert.That(status.Stdout, Does.Contain("1 complete, 3 failed, 0 incomplete, 0 missing"));
        var records = new ResultStore(outDir).CellsAsync().Result;
        Assert.That(records.Count(r => r.State == CellState.Failed), Is.EqualTo(3));
        Assert.That(records.Where(r => r.State == CellState.Failed).All(r => !File.Exists(r.PathOf(MetricsTable.FileName))), Is.True);
    }

    [Test]
    public void A_cell_over_the_specs_timeout_is_killed_and_recorded_as_timed_out()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("hang.yaml", MatrixFixture.Spec(seeds: "[1]", rerankers: "[ { faulty: { mode: hang } } ]", extra: "timeout: 4s"));
        var outDir = temp.Combine("out");

        var run = Harness(temp.Combine("cache"), "run", spec, "--out", outDir, "--plugins", MatrixFixture.FaultyPlugin);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Contain("faulty seed=1: timed out after 4 s (the spec's timeout)"));
        var record = new ResultStore(outDir).CellsAsync().Result.Single();
        Assert.That(record.State, Is.EqualTo(CellState.Failed));
        Assert.That(record.Manifest!.Error, Does.StartWith("timed out after 4 s"));
    }

    [Test]
    public void Killing_harness_run_and_running_again_finishes_without_recomputing_complete_cells()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("resume.yaml", MatrixFixture.Spec(seeds: "[1, 2, 3, 4]"));
        var outDir = temp.Combine("out");
        var cache = temp.Combine("cache");
        var psi = new ProcessStartInfo(HarnessCli.Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", spec, "--out", outDir })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HARNESS_CACHE"] = cache;
        psi.Environment["HARNESS_PLUGINS"] = string.Empty;
        using (var parent = Process.Start(psi)!)
        {
            // Kill the parent (SIGKILL) as soon as one cell is complete: another is then mid-way in its child.
            var store = new ResultStore(outDir);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(3) && !parent.HasExited && !Complete(store).Any())
            {
                Thread.Sleep(100);
            }

            Assert.That(parent.HasExited, Is.False, "the run ended before it could be killed: " + parent.StandardError.ReadToEnd());
            parent.Kill();
            parent.WaitForExit();
        }

        var done = Complete(new ResultStore(outDir)).ToDictionary(id => id, id => File.GetLastWriteTimeUtc(Path.Combine(outDir, "cells", id, "manifest.json")));
        Thread.Sleep(1000); // the orphaned child notices its parent is gone and exits without recording its cell
        var again = Harness(cache, "run", spec, "--out", outDir);

        Assert.That(again.ExitCode, Is.Zero, again.Stdout + again.Stderr);
        Assert.That(again.Stdout, Does.Contain($"4 cells: {done.Count} complete, {4 - done.Count} to run"));
        Assert.That(again.Stdout, Does.Contain("4 of 4 cells complete"));
        foreach (var (id, written) in done)
        {
            Assert.That(File.GetLastWriteTimeUtc(Path.Combine(outDir, "cells", id, "manifest.json")), Is.EqualTo(written), $"cell {id} was recomputed");
        }
    }

    [Test]
    public void Running_the_same_matrix_twice_gives_identical_metrics()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("twice.yaml", MatrixFixture.Spec(rerankers: "[ none, query-likelihood ]"));

        var first = Harness(temp.Combine("cache1"), "run", spec, "--out", temp.Combine("a"), "--workers", "2");
        var second = Harness(temp.Combine("cache2"), "run", spec, "--out", temp.Combine("b"));

        Assert.That(first.ExitCode, Is.Zero, first.Stderr);
        Assert.That(second.ExitCode, Is.Zero, second.Stderr);

        // harness run regenerates the leaderboard at the end (library call, no child process).
        Assert.That(first.Stdout, Does.Contain("leaderboard: 2 configurations ranked by "), first.Stdout);
        Assert.That(File.Exists(temp.Combine("a", "leaderboard.md")), Is.True);
        Assert.That(File.Exists(temp.Combine("a", "leaderboard.parquet")), Is.True);

        // harness audit --rerun reruns one recorded cell with harness cell and finds the same numbers.
        var audit = Harness(temp.Combine("cache1"), "audit", temp.Combine("a"), "--rerun", "1");
        Assert.That(audit.ExitCode, Is.Zero, audit.Stdout + audit.Stderr);
        var a = new ResultStore(temp.Combine("a")).CellsAsync().Result;
        var b = new ResultStore(temp.Combine("b")).CellsAsync().Result;
        Assert.That(b.Select(c => c.CellId), Is.EqualTo(a.Select(c => c.CellId)));
        Assert.That(a, Has.Count.EqualTo(4));
        foreach (var (x, y) in a.Zip(b))
        {
            var rowsA = ResultStore.ReadMetricsAsync(x).Result;
            Assert.That(rowsA, Is.Not.Empty);
            Assert.That(ResultStore.ReadMetricsAsync(y).Result, Is.EqualTo(rowsA));
            Assert.That(File.ReadAllBytes(y.PathOf("run.trec")), Is.EqualTo(File.ReadAllBytes(x.PathOf("run.trec"))));
        }
    }

    [Test]
    public void Locked_runs_refuse_a_plugin_whose_assembly_changed_naming_it()
    {
        using var temp = new TempDirectory();
        var plugins = temp.Combine("plugins", "Harness.Fixtures.FaultyPlugin");
        TestPaths.CopyDirectory(MatrixFixture.FaultyPlugin, plugins);
        var spec = temp.File("locked.yaml", MatrixFixture.Spec(seeds: "[1]", rerankers: "[ faulty ]"));
        var cache = temp.Combine("cache");

        var lockRun = Harness(cache, "plugins", "lock", spec, "--plugins", temp.Combine("plugins"));
        Assert.That(lockRun.ExitCode, Is.Zero, lockRun.Stderr);
        var lockText = File.ReadAllText(temp.Combine("plugins.lock"));
        Assert.That(lockText, Does.Contain("reranker faulty 1.0.0 ").And.Contain("dataset synthetic ").And.Contain(" Harness.Fixtures.FaultyPlugin.dll"));
        File.AppendAllText(Path.Combine(plugins, "Harness.Fixtures.FaultyPlugin.dll"), "modified");

        var refused = Harness(cache, "run", spec, "--out", temp.Combine("out"), "--locked", "--plugins", temp.Combine("plugins"));
        var unlocked = Harness(cache, "plan", spec, "--plugins", temp.Combine("plugins"));

        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Stderr, Does.Contain("--locked: plugin 'faulty'").And.Contain("refusing a modified plugin"));
        Assert.That(refused.Stderr, Does.Not.Contain("plugin 'synthetic'"));
        Assert.That(Directory.Exists(temp.Combine("out")), Is.False);
        Assert.That(unlocked.ExitCode, Is.Zero, "without --locked the modified plugin is planned as a new cell");
    }

    [Test]
    public void Plan_json_lists_the_cells_with_ids_names_and_configurations()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("tiny.yaml", MatrixFixture.Spec());

        var plan = Harness(temp.Combine("cache"), "plan", spec, "--json");

        Assert.That(plan.ExitCode, Is.Zero, plan.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(plan.Stdout);
        var cells = json.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.That(json.RootElement.GetProperty("name").GetString(), Is.EqualTo("tiny"));
        Assert.That(cells, Has.Count.EqualTo(2), "one cell per seed");
        Assert.That(cells.Select(c => c.GetProperty("id").GetString()), Has.All.Match("^[0-9a-f]{16}$"));
        Assert.That(cells.Select(c => c.GetProperty("id").GetString()), Is.Unique);
        Assert.That(cells.Select(c => c.GetProperty("display_name").GetString()), Is.EqualTo(new[] { "synthetic hashed-bow infonce random none seed=1", "synthetic hashed-bow infonce random none seed=2" }));
        Assert.That(cells.All(c => c.GetProperty("configuration").ValueKind == System.Text.Json.JsonValueKind.Object), Is.True);
    }

    [Test]
    public void Train_runs_one_configuration_and_prints_its_metrics()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("train");

        var r = Harness(temp.Combine("cache"), "train", "--dataset", "synthetic", "--set", "synthetic.docs=300", "--set", "synthetic.queries=60",
            "--set", "hashed-bow.dim=16", "--set", "hashed-bow.buckets=4096", "--epochs", "0", "--depth", "20", "--out", outDir);
        var bad = Harness(temp.Combine("cache"), "train", "--dataset", "synthetic", "--set", "infonce.temperature=0", "--out", temp.Combine("bad"));

        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Match(@"RR@10\s+0\.\d{4}"));
        var cell = new ResultStore(outDir).CellsAsync().Result.Single();
        Assert.That(cell.IsComplete, Is.True);
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Stderr, Does.Contain("harness train: --set infonce.temperature: 0 is below the minimum (exclusive) 0"));
    }

    private static IEnumerable<string> Complete(ResultStore store) =>
        store.CellsAsync().Result.Where(r => r.IsComplete).Select(r => r.CellId);
}
