using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Harness.Abstractions.Plugins;
using Harness.Plugins.Datasets;
using Harness.Results.Manifests;
using Harness.Results.Schema;
using Harness.Results.Storage;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>The <c>leaderboard</c> and <c>audit</c> verbs end to end on a results folder written with Harness.Results
/// (the statistics and rendering are tested in tests/Harness.Leaderboard.Tests).</summary>
[NonParallelizable]
public sealed class LeaderboardAuditCommandTests
{
    private static async Task WriteFolderAsync(string root)
    {
        var store = new ResultStore(root);
        foreach (var (loss, shift) in new[] { ("infonce", 0.0), ("triplet", 0.1) })
        {
            foreach (var seed in new long[] { 1, 2 })
            {
                var id = $"{loss}-{seed}";
                var writer = store.CreateCell(id);
                var rows = Enumerable.Range(1, 6).Select(q => new MetricRow(id, "synthetic", "hashed-bow", loss, "random", "none", seed, "", $"q{q}", "nDCG@10", (0.1 * q) + shift + (0.01 * seed))).ToList();
                await writer.WriteMetricsAsync(rows);
                await writer.CompleteAsync(new CellManifest { CellId = id, Status = CellStatus.Complete, Cell = new CellAxes("synthetic", "hashed-bow", loss, "random", "none", "", seed) });
            }
        }
    }

    [Test]
    public async Task Leaderboard_writes_its_outputs_and_a_bad_measure_is_one_line_exit_2()
    {
        using var temp = new TempDirectory();
        await WriteFolderAsync(temp.Path);

        var ok = HarnessCli.Run("leaderboard", temp.Path, "--baseline", "loss=infonce");
        var bad = HarnessCli.Run("leaderboard", temp.Path, "--primary", "P@5");
        Assert.Multiple(() =>
        {
            Assert.That(ok.ExitCode, Is.Zero, ok.Stderr);
            Assert.That(ok.Stdout, Does.StartWith($"{Path.GetFileName(temp.Path)}: 2 configurations from 4 complete cells, ranked by nDCG@10; 0 cells not in the table"));
            Assert.That(File.ReadAllText(temp.Combine("leaderboard.md")), Does.Contain("| 1 | hashed-bow/triplet/random | 2 |"));
            Assert.That(File.Exists(temp.Combine("leaderboard.html")) && File.Exists(temp.Combine("leaderboard.parquet")) && File.Exists(temp.Combine("plots", "wins-losses.svg")), Is.True);
            Assert.That(bad.ExitCode, Is.EqualTo(2));
            Assert.That(bad.Stderr.Trim(), Is.EqualTo("harness leaderboard: primary measure 'P@5' is not in the metrics (measures: nDCG@10)"));
        });
    }

    [Test]
    public async Task Audit_fails_naming_the_cell_and_file_whose_byte_was_flipped()
    {
        using var temp = new TempDirectory();
        await WriteFolderAsync(temp.Path);
        var path = Path.Combine(temp.Path, "cells", "triplet-2", "metrics.parquet");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var r = HarnessCli.Run("audit", temp.Path, "--skip-datasets");
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(1), r.Stdout + r.Stderr);
            Assert.That(r.Stderr, Does.Contain("FAIL integrity cells/triplet-2/metrics.parquet: SHA-256 "));
            Assert.That(r.Stdout, Does.StartWith("audit FAILED: "));
            Assert.That(File.ReadAllText(temp.Combine("audit.md")), Does.Contain("cells/triplet-2/metrics.parquet"));
        });
    }

    [Test]
    public async Task Audit_passes_when_the_recorded_plugin_and_dataset_are_what_is_available_and_names_a_changed_assembly()
    {
        // Provenance as the runner records it: the built-in synthetic dataset plugin (the assembly the CLI loads) and
        // the content hash of synthetic(docs=60, queries=10) opened with the cell's seed.
        var plugin = new SyntheticDatasetPlugin();
        var parameters = PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, string> { ["docs"] = "60", ["queries"] = "10", ["vocab"] = "200", ["topics"] = "5" });
        var contentHash = plugin.Create(parameters, new PluginContext(1)).ContentHash;
        var assembly = Path.Combine(HarnessCli.Directory, "plugins", "Harness.Plugins.Datasets", "Harness.Plugins.Datasets.dll");
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(assembly)));

        async Task<string> WriteAsync(string recordedSha)
        {
            var temp = new TempDirectory();
            var store = new ResultStore(temp.Path);
            var writer = store.CreateCell("c1");
            await writer.WriteMetricsAsync([new MetricRow("c1", "synthetic", "hashed-bow", "infonce", "random", "none", 1, "", "q1", "AP", 0.5)]);
            await writer.CompleteAsync(new CellManifest
            {
                CellId = "c1",
                Status = CellStatus.Complete,
                Cell = new CellAxes("synthetic", "hashed-bow", "infonce", "random", "none", "", 1),
                Provenance = new JsonObject
                {
                    ["plugins"] = new JsonArray(new JsonObject { ["kind"] = "dataset", ["id"] = "synthetic", ["version"] = plugin.Info.Version, ["contract"] = "1.0", ["assembly"] = "Harness.Plugins.Datasets.dll", ["sha256"] = recordedSha }),
                    ["datasets"] = new JsonArray(new JsonObject { ["id"] = "synthetic", ["parameters"] = parameters.ToString(), ["content_hash"] = contentHash }),
                },
            });
            return temp.Path;
        }

        var good = await WriteAsync(sha);
        var changed = await WriteAsync(new string('0', 64));
        var ok = HarnessCli.Run("audit", good);
        var bad = HarnessCli.Run("audit", changed, "--skip-datasets");
        Assert.Multiple(() =>
        {
            Assert.That(ok.ExitCode, Is.Zero, ok.Stdout + ok.Stderr);
            var report = File.ReadAllText(Path.Combine(good, "audit.md"));
            Assert.That(report, Does.Contain("**Result: PASS**"));
            Assert.That(report, Does.Contain($"ok provenance plugin synthetic: {plugin.Info.Version}, Harness.Plugins.Datasets.dll SHA-256 {sha[..12]} matches in cell c1"));
            Assert.That(report, Does.Contain($"ok provenance dataset synthetic({parameters}) seed 1: content hash {contentHash[..12]} matches in cell c1"));
            Assert.That(bad.ExitCode, Is.EqualTo(1));
            Assert.That(bad.Stderr, Does.Contain($"FAIL provenance plugin synthetic: assembly Harness.Plugins.Datasets.dll now has SHA-256 {sha[..12]}"));
            Assert.That(bad.Stderr, Does.Not.Contain("provenance dataset"));
        });
        Directory.Delete(good, recursive: true);
        Directory.Delete(changed, recursive: true);
    }
}
