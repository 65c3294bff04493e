using System.Text.Json.Nodes;
using Harness.Leaderboard.Tests.Support;
using Harness.Results;
using Harness.Results.Manifests;
using Harness.Results.Matrix;
using Harness.Results.Schema;
using Harness.Results.Storage;

namespace Harness.Leaderboard.Tests.Results;

[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ResultStoreTests
{
    private static readonly Dictionary<string, double[]> TwoQueries = new() { ["nDCG@10"] = [0.5, 0.25] };

    [Test]
    public async Task A_written_cell_is_complete_and_its_manifest_lists_every_file_with_its_hash()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        var written = await ResultFolder.WriteCellAsync(store, "abc", ResultFolder.Axes("infonce", "random", 1), TwoQueries);

        var cell = await store.InspectAsync("abc");
        Assert.Multiple(() =>
        {
            Assert.That(cell.State, Is.EqualTo(CellState.Complete), cell.Reason);
            Assert.That(cell.Manifest!.Files.Keys, Is.EqualTo(new[] { "metrics.parquet", "run.trec" }));
            Assert.That(cell.Manifest.Files["metrics.parquet"], Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(cell.PathOf("metrics.parquet"))))));
            Assert.That(cell.Manifest.Cell, Is.EqualTo(written.Cell));
        });
    }

    [Test]
    public async Task The_manifest_json_has_the_documented_keys()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        var writer = store.CreateCell("k1");
        await writer.WriteMetricsAsync([new MetricRow("k1", "d", "e", "l", "s", "none", 7, "", "q", "AP", 1)]);
        await writer.CompleteAsync(new CellManifest
        {
            CellId = "k1",
            Status = CellStatus.Complete,
            Cell = new CellAxes("d", "e", "l", "s", "none", "", 7),
            Provenance = JsonNode.Parse("""{"harness": {"version": "0.1.0", "commit": "unknown"}}""")!.AsObject(),
            Citations = new Dictionary<string, string> { ["l"] = "@article{x}" },
            Timings = new CellTimings(null, null, new Dictionary<string, double> { ["total"] = 1.5 }),
        });

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(writer.Directory, "manifest.json")))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "format", "cell_id", "status", "cell", "timings", "files", "provenance", "citations" }));
            Assert.That((string?)json["status"], Is.EqualTo("complete"));
            Assert.That((string?)json["provenance"]!["harness"]!["commit"], Is.EqualTo("unknown"));
            Assert.That((double?)json["timings"]!["seconds"]!["total"], Is.EqualTo(1.5));
            Assert.That((long?)json["cell"]!["seed"], Is.EqualTo(7));
        });
    }

    [Test]
    public async Task A_flipped_byte_makes_the_cell_corrupt_naming_the_file()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        await ResultFolder.WriteCellAsync(store, "abc", ResultFolder.Axes("infonce", "random", 1), TwoQueries);
        var path = Path.Combine(store.CellDirectory("abc"), "metrics.parquet");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var cell = await store.InspectAsync("abc");
        Assert.Multiple(() =>
        {
            Assert.That(cell.State, Is.EqualTo(CellState.Corrupt));
            Assert.That(cell.Problems, Has.Count.EqualTo(1));
            Assert.That(cell.Problems[0], Does.StartWith("metrics.parquet: SHA-256 "));
        });
    }

    [Test]
    public async Task A_cell_without_manifest_is_incomplete_and_temporary_files_are_ignored()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        var writer = store.CreateCell("half");
        await writer.WriteMetricsAsync([new MetricRow("half", "d", "e", "l", "s", "none", 1, "", "q", "AP", 1)]);
        await File.WriteAllTextAsync(Path.Combine(writer.Directory, ".training.parquet.tmp-1-x"), "partial");
        Assert.That((await store.InspectAsync("half")).State, Is.EqualTo(CellState.Incomplete));

        await writer.CompleteAsync(new CellManifest { CellId = "half", Status = CellStatus.Complete, Cell = new CellAxes("d", "e", "l", "s", "none", "", 1) });
        var cell = await store.InspectAsync("half");
        Assert.Multiple(() =>
        {
            Assert.That(cell.State, Is.EqualTo(CellState.Complete), cell.Reason);
            Assert.That(cell.Manifest!.Files.Keys, Is.EqualTo(new[] { "metrics.parquet" }));
        });
    }

    [Test]
    public async Task Unlisted_and_missing_files_are_named()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        await ResultFolder.WriteCellAsync(store, "abc", ResultFolder.Axes("infonce", "random", 1), TwoQueries);
        File.Delete(Path.Combine(store.CellDirectory("abc"), "run.trec"));
        await File.WriteAllTextAsync(Path.Combine(store.CellDirectory("abc"), "extra.txt"), "x");

        var cell = await store.InspectAsync("abc");
        Assert.That(cell.Problems, Is.EqualTo(new[] { "run.trec: missing (listed in the manifest)", "extra.txt: not listed in the manifest" }));
    }

    [Test]
    public async Task Failed_cells_keep_their_reason_and_cells_are_listed_in_ordinal_order()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        await ResultFolder.WriteFailedCellAsync(store, "b", ResultFolder.Axes("triplet", "bm25", 1), "plugin 'bm25' threw: index missing");
        await ResultFolder.WriteFailedCellAsync(store, "a", ResultFolder.Axes("triplet", "bm25", 2), "loss is NaN at step 12", CellStatus.Diverged);
        await ResultFolder.WriteCellAsync(store, "B", ResultFolder.Axes("infonce", "random", 1), TwoQueries);

        var cells = await store.CellsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(cells.Select(c => c.CellId), Is.EqualTo(new[] { "B", "a", "b" }));
            Assert.That(cells.Select(c => c.State), Is.EqualTo(new[] { CellState.Complete, CellState.Diverged, CellState.Failed }));
            Assert.That(cells[2].Reason, Is.EqualTo("plugin 'bm25' threw: index missing"));
        });
    }

    [Test]
    public async Task A_broken_manifest_is_corrupt_with_its_line()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        var writer = store.CreateCell("x");
        await File.WriteAllTextAsync(Path.Combine(writer.Directory, "manifest.json"), "{\n  \"cell_id\": \"x\",\n  \"status\": \"weird\"\n}\n");
        var cell = await store.InspectAsync("x");
        Assert.Multiple(() =>
        {
            Assert.That(cell.State, Is.EqualTo(CellState.Corrupt));
            Assert.That(cell.Problems.Single(), Does.StartWith("manifest.json:3: invalid JSON at $.status"));
        });
    }

    [Test]
    public async Task Restarting_a_cell_removes_what_it_held()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        await ResultFolder.WriteCellAsync(store, "abc", ResultFolder.Axes("infonce", "random", 1), TwoQueries);
        var writer = store.CreateCell("abc");
        Assert.Multiple(async () =>
        {
            Assert.That(Directory.EnumerateFileSystemEntries(writer.Directory), Is.Empty);
            Assert.That((await store.InspectAsync("abc")).State, Is.EqualTo(CellState.Incomplete));
        });
    }

    [Test]
    public void Cell_ids_that_are_not_folder_names_are_refused()
    {
        var store = new ResultStore("/tmp/none");
        Assert.Multiple(() =>
        {
            Assert.That(ResultStore.IsValidCellId("a1-b_c.d"), Is.True);
            Assert.That(ResultStore.IsValidCellId("../x"), Is.False);
            Assert.That(ResultStore.IsValidCellId(".hidden"), Is.False);
            Assert.That(ResultStore.IsValidCellId(""), Is.False);
            Assert.Throws<ArgumentException>(() => store.CellDirectory("a/b"));
        });
    }

    [Test]
    public async Task Matrix_info_round_trips_and_a_broken_one_names_its_file()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        Assert.That(store.ReadMatrix(), Is.Null);
        var info = new MatrixInfo
        {
            Name = "quickstart",
            Baseline = new Dictionary<string, string> { ["loss"] = "infonce", ["sampler"] = "random" },
            PrimaryMeasure = "nDCG@10",
            Measures = ["nDCG@10", "RR@10"],
        };
        await info.WriteAsync(store.MatrixPath);
        var back = store.ReadMatrix()!;
        Assert.Multiple(() =>
        {
            Assert.That(back.Name, Is.EqualTo("quickstart"));
            Assert.That(back.Baseline, Is.EqualTo(info.Baseline));
            Assert.That(back.Measures, Is.EqualTo(info.Measures));
            Assert.That(back.PrimaryMeasure, Is.EqualTo("nDCG@10"));
        });

        await File.WriteAllTextAsync(store.MatrixPath, "{\"primary_measure\": \"AP\"}");
        var e = Assert.Throws<ResultFormatException>(() => store.ReadMatrix());
        Assert.That(e!.Message, Does.StartWith(store.MatrixPath + ":1: invalid JSON"));
    }
}
