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
    public async Task Rerun_says_re_execution_is_unavailable_until_the_cell_verb_exists()
    {
        using var temp = new TempDirectory();
        await WriteFolderAsync(temp.Path);
        var r = HarnessCli.Run("audit", temp.Path, "--rerun", "1");
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2));
            Assert.That(r.Stderr.Trim(), Does.StartWith("harness audit: --rerun: re-execution is unavailable in this build"));
            Assert.That(File.Exists(temp.Combine("audit.md")), Is.False);
        });
    }
}
