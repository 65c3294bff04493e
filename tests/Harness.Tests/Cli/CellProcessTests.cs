using System.Text.Json.Nodes;
using Harness.Core.Running;
using Harness.Results.Storage;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>
/// How <c>harness run</c> starts its cell processes (one core per one-thread cell, a lean runtime) and how a cell
/// process ends (at once, with everything it printed delivered), and the leaderboard warm-up leaving nothing behind.
/// </summary>
[NonParallelizable]
public sealed class CellProcessTests
{
    [Test]
    public void A_one_thread_cell_process_is_told_it_has_one_core_and_no_pgo_tier()
    {
        var one = ChildProcessCellExecutor.RuntimeSettings(1).ToDictionary(s => s.Name, s => s.Value);
        var all = ChildProcessCellExecutor.RuntimeSettings(Environment.ProcessorCount).ToDictionary(s => s.Name, s => s.Value);

        Assert.That(one["DOTNET_TieredPGO"], Is.EqualTo("0"));
        Assert.That(all["DOTNET_TieredPGO"], Is.EqualTo("0"));
        Assert.That(all.ContainsKey("DOTNET_PROCESSOR_COUNT"), Is.False, "a cell given every core is not limited");
        if (Environment.ProcessorCount > 1)
        {
            Assert.That(one["DOTNET_PROCESSOR_COUNT"], Is.EqualTo("1"));
        }
        else
        {
            Assert.That(one.ContainsKey("DOTNET_PROCESSOR_COUNT"), Is.False);
        }
    }

    [Test]
    public void Cells_of_a_run_with_one_thread_each_record_one_core_and_the_warm_up_leaves_nothing_behind()
    {
        Assume.That(Environment.ProcessorCount, Is.GreaterThan(1), "needs a machine with more than one core");
        using var temp = new TempDirectory();
        var spec = temp.File("cores.yaml", MatrixFixture.Spec(seeds: "[1, 2, 3]"));
        var outDir = temp.Combine("out");

        var run = HarnessCli.RunWithCache(temp.Combine("cache"), "run", spec, "--out", outDir, "--workers", "1", "--threads", "1");

        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.Contain("3 of 3 cells complete").And.Contain("leaderboard: 1 configurations ranked by "));
        var cells = new ResultStore(outDir).CellsAsync().Result;
        Assert.That(cells, Has.Count.EqualTo(3));
        foreach (var cell in cells)
        {
            // The provenance records the logical processors the cell process saw: DOTNET_PROCESSOR_COUNT reached it.
            var manifest = JsonNode.Parse(File.ReadAllText(cell.PathOf("manifest.json")))!;
            Assert.That(manifest["provenance"]!["environment"]!["cores"]!.GetValue<int>(), Is.EqualTo(1), cell.CellId);
        }

        Assert.That(File.Exists(Path.Combine(outDir, "leaderboard.md")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(outDir, ".harness", "leaderboard-prewarm")), Is.False, "the throw-away leaderboard is removed");
    }

    [Test]
    public void A_cell_process_delivers_everything_it_printed_and_its_exit_status_when_it_ends()
    {
        // harness cell ends with _exit(2) once its cell is recorded (no libtorch static destructors): the last
        // progress line and the exit status must still reach the parent, for a complete and for a failed cell.
        using var temp = new TempDirectory();
        var spec = temp.File("exit.yaml", MatrixFixture.Spec(seeds: "[1]", rerankers: "[ none, { faulty: { mode: throw } } ]"));
        var cache = temp.Combine("cache");
        var plan = HarnessCli.RunWithCache(cache, "plan", spec, "--plugins", MatrixFixture.FaultyPlugin);
        Assert.That(plan.ExitCode, Is.Zero, plan.Stderr);

        // `plan` lists "ID  NAME" per cell, the id 16 hex digits.
        var ids = plan.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 18 && l[..16].All(char.IsAsciiHexDigitLower)).Select(l => (Id: l[..16], Name: l[16..].Trim())).ToList();
        Assert.That(ids, Has.Count.EqualTo(2), plan.Stdout);
        var good = ids.Single(c => c.Name.Contains(" none ", StringComparison.Ordinal)).Id;
        var bad = ids.Single(c => c.Name.Contains("faulty", StringComparison.Ordinal)).Id;

        var ok = HarnessCli.RunWithCache(cache, "cell", spec, "--id", good, "--out", temp.Combine("out"), "--threads", "1", "--plugins", MatrixFixture.FaultyPlugin);
        var failed = HarnessCli.RunWithCache(cache, "cell", spec, "--id", bad, "--out", temp.Combine("out"), "--threads", "1", "--plugins", MatrixFixture.FaultyPlugin);

        Assert.That(ok.ExitCode, Is.Zero, ok.Stderr);
        Assert.That(ok.Stdout.TrimEnd().Split('\n')[^1], Is.EqualTo(CellProgressLine.Format(new CellProgress("write"))));
        Assert.That(failed.ExitCode, Is.EqualTo(1));
        Assert.That(failed.Stderr, Does.Contain($"harness: cell {bad} failed: InvalidOperationException: fixture: the faulty reranker threw on purpose"));
        var records = new ResultStore(temp.Combine("out")).CellsAsync().Result.ToDictionary(r => r.CellId);
        Assert.That(records[good].IsComplete, Is.True);
        Assert.That(records[bad].State, Is.EqualTo(CellState.Failed));
    }
}
