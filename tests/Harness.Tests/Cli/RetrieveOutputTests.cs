using System.Text.Json;
using Harness.Core.Caching;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>
/// `retrieve` publishes its output folder whole: killed (SIGKILL) at any point, the folder holds the previous complete
/// run or the new complete run, never a mix, and no file of an earlier run survives. The kills come from the
/// HARNESS_FAULT hook (Core/Caching/FaultPoint): the process sends itself SIGKILL at a named point.
/// </summary>
[NonParallelizable]
public sealed class RetrieveOutputTests
{
    // The previous run: train split, so it has hidden.qrels.trec. The new run: test split, which has none.
    private static readonly string[] Dataset = ["--dataset", "synthetic", "--set", "synthetic.docs=300", "--set", "synthetic.queries=60", "--set", "synthetic.false-negative-rate=0.3", "--depth", "5"];
    private static readonly string[] OldArgs = [.. Dataset, "--split", "train", "--run-id", "old"];
    private static readonly string[] NewArgs = [.. Dataset, "--split", "test", "--run-id", "new"];

    private TempDirectory _temp = null!;
    private Snapshot _old = null!;
    private Snapshot _new = null!;

    [OneTimeSetUp]
    public void MakeReferenceRuns()
    {
        _temp = new TempDirectory();
        _old = Snapshot.Of(Retrieve(_temp.Combine("reference-old"), OldArgs));
        _new = Snapshot.Of(Retrieve(_temp.Combine("reference-new"), NewArgs));
        Assert.That(_old.Files, Does.Contain("hidden.qrels.trec"));
        Assert.That(_new.Files, Does.Not.Contain("hidden.qrels.trec"));
    }

    [OneTimeTearDown]
    public void Clean() => _temp.Dispose();

    [Test]
    public void Train_then_test_into_one_folder_leaves_no_stale_file()
    {
        var dir = _temp.Combine("train-then-test");
        Retrieve(dir, OldArgs);
        Assert.That(File.Exists(Path.Combine(dir, "hidden.qrels.trec")), Is.True);
        Retrieve(dir, NewArgs);
        Assert.That(Snapshot.Of(dir), Is.EqualTo(_new), "exactly the new run: hidden.qrels.trec of the train run is gone");
        Assert.That(Siblings(dir), Is.Empty);
    }

    // point: where the process kills itself; expected: which complete run the folder holds right after the kill.
    [TestCase("kill@output.building", "old", Description = "while the new files are being written")]
    [TestCase("kill@output.built", "old", Description = "new folder complete, before the swap")]
    [TestCase("kill@output.exchanged", "new", Description = "right after the atomic exchange, before the old version is deleted")]
    [TestCase("no-rename-exchange,kill@output.renamed", "new", Description = "fallback path: right after the second rename")]
    public void A_kill_at_any_point_leaves_one_complete_run(string fault, string expected)
    {
        var dir = _temp.Combine("kill-" + fault.Replace('@', '-').Replace(',', '-'));
        Retrieve(dir, OldArgs);
        var r = HarnessCli.RunWithEnvironment(new Dictionary<string, string> { [FaultPoint.EnvironmentVariable] = fault }, ["retrieve", "--out", dir, .. NewArgs]);
        Assert.That(r.ExitCode, Is.EqualTo(128 + Signals.SigKill), r.Stdout + r.Stderr);
        Assert.That(Snapshot.Of(dir), Is.EqualTo(expected == "old" ? _old : _new));

        // What the kill left beside the folder is a hidden sibling only, and the next run clears it.
        Assert.That(Siblings(dir).All(s => Path.GetFileName(s).StartsWith($".{Path.GetFileName(dir)}.", StringComparison.Ordinal)), Is.True);
        Retrieve(dir, NewArgs);
        Assert.That(Snapshot.Of(dir), Is.EqualTo(_new));
        Assert.That(Siblings(dir), Is.Empty, "leftovers of the killed run are removed");
    }

    [Test]
    public void Fallback_path_killed_between_its_renames_is_recovered_to_the_previous_run()
    {
        // Without renameat2's exchange, the folder is moved aside and the new one renamed in: a kill between the two
        // leaves the folder absent for an instant with both complete versions beside it. Recovery (the start of the
        // next retrieve, or AtomicDirectory.Recover) puts the previous run back before anything else happens.
        var dir = _temp.Combine("kill-between-renames");
        Retrieve(dir, OldArgs);
        var r = HarnessCli.RunWithEnvironment(new Dictionary<string, string> { [FaultPoint.EnvironmentVariable] = "no-rename-exchange,kill@output.moved-aside" }, ["retrieve", "--out", dir, .. NewArgs]);
        Assert.That(r.ExitCode, Is.EqualTo(128 + Signals.SigKill), r.Stdout + r.Stderr);
        Assert.That(Directory.Exists(dir), Is.False);
        Assert.That(Siblings(dir), Has.Count.EqualTo(2), "the old version set aside and the complete new one");

        Assert.That(AtomicDirectory.Recover(dir), Is.EqualTo(2));
        Assert.That(Snapshot.Of(dir), Is.EqualTo(_old));
        Assert.That(Siblings(dir), Is.Empty);
    }

    [Test]
    public void A_failed_write_leaves_the_previous_run_untouched()
    {
        var dir = _temp.Combine("enospc");
        Retrieve(dir, OldArgs);
        var r = HarnessCli.RunWithEnvironment(new Dictionary<string, string> { [FaultPoint.EnvironmentVariable] = "enospc@output.built" }, ["retrieve", "--out", dir, .. NewArgs]);
        Assert.That(r.ExitCode, Is.EqualTo(3), r.Stderr);
        Assert.That(r.Stderr.Trim(), Is.EqualTo($"harness: cannot write {dir}: no space left on device; a previous run there is unchanged"));
        Assert.That(Snapshot.Of(dir), Is.EqualTo(_old));
        Assert.That(Siblings(dir), Is.Empty);
    }

    [TestCase(Signals.SigInt)]
    [TestCase(Signals.SigTerm)]
    public void An_interrupt_exits_130_and_keeps_the_previous_run(int signal)
    {
        var dir = _temp.Combine($"signal-{signal}");
        Retrieve(dir, OldArgs);
        using var cache = new TempDirectory();
        var environment = HarnessCli.Environment(new Dictionary<string, string> { [FaultPoint.EnvironmentVariable] = "pause@output.building" }, cache.Path);
        var r = ProcessRunner.RunAndSignal(HarnessCli.Executable, ["retrieve", "--out", dir, .. NewArgs], environment, "fault point output.building reached", signal);
        Assert.That(r.ExitCode, Is.EqualTo(130), r.Stderr);
        Assert.That(r.Stderr, Does.EndWith("harness: interrupted; nothing half-written was left behind\n"));
        Assert.That(r.Stderr, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Snapshot.Of(dir), Is.EqualTo(_old));
        Assert.That(Siblings(dir), Is.Empty, "the half-written folder was removed");
    }

    private static string Retrieve(string dir, string[] args)
    {
        using var cache = new TempDirectory();
        var r = HarnessCli.RunWithCache(cache.Path, ["retrieve", "--out", dir, .. args]);
        Assert.That(r.ExitCode, Is.Zero, r.Stdout + r.Stderr);
        return dir;
    }

    private static List<string> Siblings(string dir) =>
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(dir)!, $".{Path.GetFileName(dir)}*").ToList();

    /// <summary>A run folder's file names, the bytes of its TREC files and its manifest's identity.</summary>
    private sealed record Snapshot(string Files, string Trec, string RunId, string Split)
    {
        public static Snapshot Of(string dir)
        {
            Assert.That(Directory.Exists(dir), Is.True, $"{dir} exists");
            var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var trec = string.Join("\n--\n", files.Where(f => f!.EndsWith(".trec", StringComparison.Ordinal)).Select(f => f + "\n" + File.ReadAllText(Path.Combine(dir, f!))));
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
            var m = manifest.RootElement.GetProperty("manifest");
            return new Snapshot(string.Join(",", files), trec, m.GetProperty("runId").GetString()!, m.GetProperty("split").GetString()!);
        }
    }
}
