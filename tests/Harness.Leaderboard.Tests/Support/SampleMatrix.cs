using System.Text.Json.Nodes;
using Harness.Results.Manifests;
using Harness.Results.Matrix;
using Harness.Results.Schema;
using Harness.Results.Storage;

namespace Harness.Leaderboard.Tests.Support;

/// <summary>
/// A hand-made results folder: dataset "synthetic", 12 queries, nDCG@10 and RR@10, seeds 1-3, three configurations
/// plus one failed cell:
/// <list type="bullet">
/// <item>infonce/random (the baseline): per-query nDCG@10 = Base[q] + 0.01·(seed − 2);</item>
/// <item>infonce/bm25: Base[q] + 0.1 + 0.01·((q mod 3) − 1) + 0.01·(seed − 2) (better on every query, by 0.09 to 0.11);</item>
/// <item>triplet/random: Base[q] ± 0.005 alternating by query, + 0.01·(seed − 2) (no better, no worse);</item>
/// <item>triplet/bm25 seed 1: failed ("plugin 'bm25' threw: index missing").</item>
/// </list>
/// RR@10 is nDCG@10 / 2. bm25 cells log 400 negatives per epoch over 2 epochs, 17 and 15 of them false negatives.
/// </summary>
internal static class SampleMatrix
{
    public static readonly double[] Base = [0.30, 0.45, 0.20, 0.65, 0.50, 0.35, 0.40, 0.55, 0.25, 0.60, 0.70, 0.15];

    /// <summary>Mean of <see cref="Base"/> = 5.1 / 12.</summary>
    public const double BaseMean = 5.1 / 12;

    public static async Task WriteAsync(string directory)
    {
        var store = new ResultStore(directory);
        await new MatrixInfo
        {
            Name = "sample",
            Baseline = new Dictionary<string, string> { ["loss"] = "infonce", ["sampler"] = "random" },
            PrimaryMeasure = "nDCG@10",
            Measures = ["nDCG@10", "RR@10"],
        }.WriteAsync(store.MatrixPath);

        foreach (var seed in new long[] { 1, 2, 3 })
        {
            var shift = 0.01 * (seed - 2);
            await Cell(store, "infonce", "random", seed, q => Base[q] + shift, negatives: false);
            await Cell(store, "infonce", "bm25", seed, q => Base[q] + 0.1 + (0.01 * ((q % 3) - 1)) + shift, negatives: true);
            await Cell(store, "triplet", "random", seed, q => Base[q] + (q % 2 == 0 ? 0.005 : -0.005) + shift, negatives: false);
        }

        await ResultFolder.WriteFailedCellAsync(store, "triplet-bm25-1", ResultFolder.Axes("triplet", "bm25", 1), "plugin 'bm25' threw: index missing");
    }

    public static string CellId(string loss, string sampler, long seed) => $"{loss}-{sampler}-{seed}";

    private static async Task Cell(ResultStore store, string loss, string sampler, long seed, Func<int, double> ndcg, bool negatives)
    {
        var id = CellId(loss, sampler, seed);
        var values = Enumerable.Range(0, Base.Length).Select(ndcg).ToArray();
        var training = Enumerable.Range(1, 20).Select(step => new TrainingRow(id, step, step <= 10 ? 1 : 2, (loss == "infonce" ? 2.0 : 1.0) / step + (0.01 * seed), 1e-3, 1000, step * 0.1)).ToList();
        var negativeRows = negatives
            ? new List<NegativesRow> { new(id, 1, sampler, 100, 400, 0, 1, 20, 100, 17, 2, 0, 0), new(id, 2, sampler, 100, 400, 0, 1, 22, 100, 15, 1, 0, 0) }
            : null;
        await ResultFolder.WriteCellAsync(
            store,
            id,
            ResultFolder.Axes(loss, sampler, seed),
            new Dictionary<string, double[]> { ["nDCG@10"] = values, ["RR@10"] = values.Select(v => v / 2).ToArray() },
            negativeRows,
            training,
            new Dictionary<string, string> { [loss] = $"@inproceedings{{{loss}, title={{{loss}}}}}" });

        // Provenance as the runner writes it, for the provenance audit.
        var cell = await store.InspectAsync(id);
        var manifest = cell.Manifest! with
        {
            Provenance = JsonNode.Parse($$"""
                {"plugins": [{"kind": "loss", "id": "{{loss}}", "version": "1.0.0", "contract": "1.0", "assembly": "Harness.Plugins.Losses.dll", "sha256": "aaaa{{loss}}"}],
                 "datasets": [{"id": "synthetic", "parameters": "docs=100", "content_hash": "hash-synthetic"}]}
                """)!.AsObject(),
        };
        await File.WriteAllTextAsync(Path.Combine(cell.Directory, CellManifest.FileName), ResultJson.Serialize(manifest));
    }
}
