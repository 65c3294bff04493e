using Harness.Audits;
using Harness.Audits.Provenance;
using Harness.Audits.Reexecution;
using Harness.Leaderboard.Tests.Support;
using Harness.Results.Schema;
using Harness.Results.Storage;

namespace Harness.Leaderboard.Tests.Audits;

[TestFixture]
public sealed class AuditTests
{
    [Test]
    public async Task A_flipped_byte_in_metrics_fails_the_audit_naming_the_cell_and_file()
    {
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        var store = new ResultStore(dir.Path);
        var id = SampleMatrix.CellId("infonce", "bm25", 2);
        var path = Path.Combine(store.CellDirectory(id), MetricsTable.FileName);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 3] ^= 0x10;
        await File.WriteAllBytesAsync(path, bytes);

        var report = await Auditor.RunAsync(store, new AuditOptions(), null, null);
        var failures = report.Failures.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(failures.Select(f => f.CellId), Is.EqualTo(new[] { id, "triplet-bm25-1" }));
            Assert.That(failures[0].Subject, Is.EqualTo("metrics.parquet"));
            Assert.That(failures[0].ToString(), Does.StartWith($"FAIL integrity cells/{id}/metrics.parquet: SHA-256 "));
            Assert.That(failures[1].ToString(), Is.EqualTo("FAIL integrity cells/triplet-bm25-1: failed: plugin 'bm25' threw: index missing"));
            Assert.That(AuditMarkdown.Render(report), Does.Contain($"cells/{id}/metrics.parquet: SHA-256"));
        });
    }

    [Test]
    public async Task An_intact_folder_of_complete_cells_passes_integrity()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        await ResultFolder.WriteCellAsync(store, "c1", ResultFolder.Axes("infonce", "random", 1), new Dictionary<string, double[]> { ["AP"] = [0.5, 0.25] });
        var report = await Auditor.RunAsync(store, new AuditOptions(), null, null);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.True, string.Join("\n", report.Failures));
            Assert.That(report.Findings.Single(f => f.Check == "integrity").ToString(), Is.EqualTo("ok integrity cells/c1: complete; 2 files match their SHA-256"));
            Assert.That(report.Findings.Single(f => f.Check == "provenance").Severity, Is.EqualTo(AuditSeverity.Warning));
        });
    }

    [Test]
    public async Task Provenance_names_each_changed_or_missing_plugin_and_dataset()
    {
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        var cells = await new ResultStore(dir.Path).CellsAsync();
        var source = new FakeSource([new PluginFingerprint("loss", "infonce", "1.0.0", "Harness.Plugins.Losses.dll", "aaaainfonce")], "changed-hash");
        var findings = await ProvenanceAudit.RunAsync(cells, source);
        var lines = findings.Select(f => f.ToString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.StartsWith("ok provenance plugin infonce: 1.0.0, Harness.Plugins.Losses.dll SHA-256 aaaainfonce matches in 6 cells"));
            Assert.That(lines, Has.Some.StartsWith("FAIL provenance plugin triplet: recorded 1.0.0 (Harness.Plugins.Losses.dll, SHA-256 aaaatriplet) in 3 cells"));
            Assert.That(lines, Has.Some.StartsWith("FAIL provenance dataset synthetic(docs=100) seed 1: content hash now changed-hash; recorded hash-synthet in 3 cells"));
        });
    }

    [Test]
    public async Task A_faithful_rerun_passes_exactly_and_a_changed_value_fails_unless_tolerated()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        await ResultFolder.WriteCellAsync(store, "c1", ResultFolder.Axes("infonce", "random", 1), new Dictionary<string, double[]> { ["AP"] = [0.5, 0.25, 0.75] });
        var rerunner = new CopyingRerunner(0);
        var same = await Auditor.RunAsync(store, new AuditOptions { Rerun = AuditOptions.All, ScratchDirectory = Path.Combine(dir.Path, "scratch-a") }, null, rerunner);
        var changed = await Auditor.RunAsync(store, new AuditOptions { Rerun = 1, ScratchDirectory = Path.Combine(dir.Path, "scratch-b") }, null, new CopyingRerunner(0.03));
        var tolerated = await Auditor.RunAsync(store, new AuditOptions { Rerun = 1, Tolerance = 0.05, ScratchDirectory = Path.Combine(dir.Path, "scratch-c") }, null, new CopyingRerunner(0.03));
        Assert.Multiple(() =>
        {
            Assert.That(same.Passed, Is.True, string.Join("\n", same.Failures));
            var m = same.Reruns.Single().Measures.Single();
            Assert.That((m.Difference, m.Rmse), Is.EqualTo((0.0, 0.0)));
            Assert.That(same.Reruns.Single().Ranking!.IdenticalQueries, Is.EqualTo(3));
            Assert.That(same.Reruns.Single().Ranking!.MeanRbo, Is.EqualTo(1).Within(1e-12));
            Assert.That(changed.Passed, Is.False);
            // Only q1 moves by 0.03: difference of means 0.01, RMSE sqrt(0.03² / 3).
            var c = changed.Reruns.Single().Measures.Single();
            Assert.That(c.Difference, Is.EqualTo(0.01).Within(1e-12));
            Assert.That(c.Rmse, Is.EqualTo(Math.Sqrt(0.03 * 0.03 / 3)).Within(1e-12));
            Assert.That(changed.Failures.Single().ToString(), Does.StartWith("FAIL rerun cells/c1: AP: mean "));
            Assert.That(tolerated.Passed, Is.True, string.Join("\n", tolerated.Failures));
        });
    }

    [Test]
    public void Ranking_comparison_by_hand()
    {
        // q1 identical; q2 swaps the top two of three: tau-b = 1/3 (2 concordant, 1 discordant pairs over 3),
        // RBO(p = 0.9) = 0.1/0.9 · (0·0.9 + 1·0.81 + 1·0.729) + 1·0.729 = 0.9000 (hand-evaluated eq. 32).
        var a = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["d1", "d2"], ["q2"] = ["d1", "d2", "d3"] };
        var b = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["d1", "d2"], ["q2"] = ["d2", "d1", "d3"] };
        var r = RerunComparer.CompareRankings(a, b);
        Assert.Multiple(() =>
        {
            Assert.That(r.IdenticalQueries, Is.EqualTo(1));
            Assert.That(r.MinKendallTau, Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(r.MinRbo, Is.EqualTo((0.1 / 0.9 * (0.81 + 0.729)) + 0.729).Within(1e-12));
        });
    }

    [Test]
    public async Task The_choice_of_cells_to_rerun_is_seeded()
    {
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        var complete = (await new ResultStore(dir.Path).CellsAsync()).Where(c => c.IsComplete).ToList();
        var a = Auditor.Choose(complete, 3, 7).Select(c => c.CellId).ToList();
        var b = Auditor.Choose(complete, 3, 7).Select(c => c.CellId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a, Has.Count.EqualTo(3).And.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(Auditor.Choose(complete, 100, 7), Has.Count.EqualTo(9));
        });
    }

    private sealed class FakeSource(IReadOnlyList<PluginFingerprint> plugins, string datasetHash) : IProvenanceSource
    {
        public IReadOnlyList<PluginFingerprint> Plugins => plugins;

        public bool ChecksDatasets => true;

        public Task<string> DatasetContentHashAsync(string id, string parameters, long seed, CancellationToken cancellationToken) => Task.FromResult(datasetHash);
    }

    /// <summary>"Reruns" a cell by rewriting its metrics (q1's values shifted by <c>shift</c>) and copying its run.</summary>
    private sealed class CopyingRerunner(double shift) : ICellRerunner
    {
        public async Task<CellRecord> RerunAsync(CellRecord original, string scratchRoot, CancellationToken cancellationToken)
        {
            var store = new ResultStore(scratchRoot);
            var writer = store.CreateCell(original.CellId);
            var rows = (await ResultStore.ReadMetricsAsync(original, cancellationToken)).Select(r => r.QueryId == "q1" ? r with { Value = r.Value + shift } : r).ToList();
            await writer.WriteMetricsAsync(rows, cancellationToken);
            File.Copy(original.PathOf(ResultStore.RunFileName), Path.Combine(writer.Directory, ResultStore.RunFileName));
            await writer.CompleteAsync(original.Manifest!, cancellationToken);
            return await store.InspectAsync(original.CellId, cancellationToken);
        }
    }
}
