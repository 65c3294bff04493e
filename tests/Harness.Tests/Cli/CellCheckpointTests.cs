using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Core.Running;
using Harness.Results.Schema;
using Harness.Results.Storage;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>
/// Matrix cells that train: checkpoints in the cell's work folder, resumed when harness run is restarted after a
/// kill, deleted when the cell completes; the trained encoder kept per cell (keep_encoder) and loaded by harness
/// encode --encoder-state.
/// </summary>
[NonParallelizable]
public sealed class CellCheckpointTests
{
    private static string TrainingSpec(string name, string train) =>
        MatrixFixture.Spec(name: name, seeds: "[1]").Replace("train: { epochs: 0 }", $"train: {{ {train} }}", StringComparison.Ordinal);

    [Test]
    public void A_training_cell_killed_after_a_checkpoint_resumes_there_and_ends_as_if_never_interrupted()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("ckpt.yaml", TrainingSpec("ckpt", "epochs: 2, batch_size: 8, negatives: 2, checkpoint_every: 2"));
        var cache = temp.Combine("cache");
        var interrupted = temp.Combine("interrupted");
        var reference = temp.Combine("reference");
        var work = Path.Combine(interrupted, ".harness", "work");
        string? Checkpoint()
        {
            try
            {
                // Only the checkpoint in place: a temporary one being written is a hidden folder renamed away.
                return Directory.Exists(work) ? Directory.GetFiles(work, "state.json", SearchOption.AllDirectories).SingleOrDefault(f => f.EndsWith(Path.Combine("checkpoint", "state.json"), StringComparison.Ordinal)) : null;
            }
            catch (DirectoryNotFoundException)
            {
                return null; // a temporary folder went away while it was listed
            }
        }

        // The cell's child pauses right after writing its first checkpoint; then harness run is killed (SIGKILL), and
        // the orphaned child exits without recording its cell.
        var psi = new ProcessStartInfo(HarnessCli.Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", spec, "--out", interrupted })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in HarnessCli.Environment(new Dictionary<string, string> { ["HARNESS_FAULT"] = "pause@cell.checkpoint-written" }, cache))
        {
            psi.Environment[k] = v;
        }

        using (var parent = Process.Start(psi)!)
        {
            try
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromMinutes(5) && !parent.HasExited && Checkpoint() is null)
                {
                    Thread.Sleep(100);
                }

                if (parent.HasExited)
                {
                    Assert.Fail("the run ended before it could be killed: " + parent.StandardError.ReadToEnd());
                }

                Assert.That(Checkpoint(), Is.Not.Null, "no checkpoint within 5 minutes");
                parent.Kill();
                parent.WaitForExit();
            }
            finally
            {
                if (!parent.HasExited)
                {
                    parent.Kill(entireProcessTree: true);
                }
            }
        }

        Thread.Sleep(1500); // the child notices its parent is gone and exits
        var checkpoint = Checkpoint();
        Assert.That(checkpoint, Is.Not.Null, "the cell wrote a checkpoint in its work folder");
        var cellId = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(checkpoint)))!;
        Assert.That(checkpoint, Is.EqualTo(Path.Combine(CellWorker.WorkDirectory(interrupted, cellId), "checkpoint", "state.json")));
        var store = new ResultStore(interrupted);
        Assert.That(store.InspectAsync(cellId).Result.State, Is.EqualTo(CellState.Incomplete), "nothing recorded for the killed cell");
        var savedStep = (long)JsonNode.Parse(File.ReadAllText(checkpoint))!["Step"]!;
        Assert.That(savedStep, Is.EqualTo(2), "killed at its first checkpoint");

        var again = HarnessCli.RunWithCache(cache, "run", spec, "--out", interrupted);
        var uninterrupted = HarnessCli.RunWithCache(cache, "run", spec, "--out", reference);

        Assert.That(again.ExitCode, Is.Zero, again.Stdout + again.Stderr);
        Assert.That(uninterrupted.ExitCode, Is.Zero, uninterrupted.Stdout + uninterrupted.Stderr);
        Assert.That(again.Stdout, Does.Contain($"resume {cellId}").And.Contain($"training resumed from the checkpoint at step {savedStep}"));
        Assert.That(uninterrupted.Stdout, Does.Not.Contain("resumed"));
        var resumed = store.InspectAsync(cellId).Result;
        var fresh = new ResultStore(reference).InspectAsync(cellId).Result;
        Assert.That(resumed.IsComplete && fresh.IsComplete, Is.True);
        Assert.That((long?)resumed.Manifest!.Provenance!["resumed_training_from_step"], Is.EqualTo(savedStep));
        Assert.That(fresh.Manifest!.Provenance!.ContainsKey("resumed_training_from_step"), Is.False);

        // Same numbers, to the byte: metrics, ranking, and the training curve's losses and learning rates.
        Assert.That(File.ReadAllBytes(resumed.PathOf(MetricsTable.FileName)), Is.EqualTo(File.ReadAllBytes(fresh.PathOf(MetricsTable.FileName))));
        Assert.That(File.ReadAllBytes(resumed.PathOf("run.trec")), Is.EqualTo(File.ReadAllBytes(fresh.PathOf("run.trec"))));
        var curveA = Curve(resumed.PathOf(TrainingTable.FileName));
        var curveB = Curve(fresh.PathOf(TrainingTable.FileName));
        Assert.That(curveA, Has.Count.GreaterThan(savedStep));
        Assert.That(curveA, Is.EqualTo(curveB));
        Assert.That(Directory.Exists(CellWorker.WorkDirectory(interrupted, cellId)), Is.False, "the checkpoints go when the cell completes");
        Assert.That(Directory.Exists(CellWorker.WorkDirectory(reference, cellId)), Is.False);
    }

    [Test]
    public void A_kept_encoder_is_written_into_the_cell_hashed_and_loadable_by_harness_encode()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var spec = temp.File("keep.yaml", TrainingSpec("keep", "epochs: 1, batch_size: 8, negatives: 2, keep_encoder: true"));
        var plain = temp.File("plain.yaml", TrainingSpec("plain", "epochs: 1, batch_size: 8, negatives: 2"));
        var texts = temp.File("texts.txt", "a first line of text\nanother document about something else\n");

        var run = HarnessCli.RunWithCache(cache, "run", spec, "--out", temp.Combine("keep"));
        var withoutKeep = HarnessCli.RunWithCache(cache, "run", plain, "--out", temp.Combine("plain"));

        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(withoutKeep.ExitCode, Is.Zero, withoutKeep.Stdout + withoutKeep.Stderr);
        var cell = new ResultStore(temp.Combine("keep")).CellsAsync().Result.Single();
        var other = new ResultStore(temp.Combine("plain")).CellsAsync().Result.Single();
        Assert.That(other.CellId, Is.EqualTo(cell.CellId), "keep_encoder is not part of the cell id");
        Assert.That(Directory.Exists(other.PathOf(CellResults.EncoderDirectoryName)), Is.False, "off by default");
        Assert.That(cell.IsComplete, Is.True);
        Assert.That(cell.Manifest!.Files.Keys, Does.Contain("encoder/module.dat"));
        Assert.That(cell.Manifest.Configuration!["run"]!["keep_encoder"]!.GetValue<bool>(), Is.True);

        var args = new[] { "encode", "--encoder", "hashed-bow", "--set", "hashed-bow.dim=16", "--set", "hashed-bow.buckets=4096", "--seed", "1" };
        var trained = HarnessCli.RunWithCache(cache, [.. args, "--encoder-state", cell.Directory, texts]);
        var untrained = HarnessCli.RunWithCache(cache, [.. args, texts]);
        var mismatched = HarnessCli.RunWithCache(cache, "encode", "--encoder", "hashed-bow", "--set", "hashed-bow.dim=32", "--set", "hashed-bow.buckets=4096", "--encoder-state", cell.Directory, texts);

        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        Assert.That(untrained.ExitCode, Is.Zero, untrained.Stderr);
        Assert.That(trained.Stdout, Is.Not.EqualTo(untrained.Stdout), "training changed the weights");

        // The same state loaded in this process (IEncoder.Load) encodes the same texts to the same floats.
        var plugin = (IEncoderPlugin)MatrixFixture.Catalog().Find("hashed-bow")!.Plugin;
        using var encoder = plugin.Create(PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, string> { ["dim"] = "16", ["buckets"] = "4096" }), new PluginContext(1));
        encoder.Load(cell.PathOf(CellResults.EncoderDirectoryName));
        encoder.Module.eval();
        using var noGrad = TorchSharp.torch.no_grad();
        using var expected = encoder.Encode(["a first line of text", "another document about something else"], TextRole.Document);
        var values = expected.data<float>().ToArray();
        var printed = trained.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(l => l.Split('\t')).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.That(printed, Is.EqualTo(values));

        Assert.That(mismatched.ExitCode, Is.EqualTo(2));
        Assert.That(mismatched.Stderr, Does.StartWith("harness: --encoder-state ").And.Contain("cannot load it into encoder 'hashed-bow'"));
        Assert.That(mismatched.Stderr, Does.Not.Contain("   at "));
    }

    private static List<(long Step, double Loss, double LearningRate)> Curve(string path) =>
        [.. TrainingTable.ReadAsync(path).Result.Select(r => (r.Step, r.Loss, r.LearningRate))];
}
