using Harness.Results.Manifests;
using Harness.Results.Schema;
using Harness.Results.Storage;

namespace Harness.Leaderboard.Tests.Support;

/// <summary>Writes hand-made result folders with Harness.Results, as the runner would.</summary>
internal static class ResultFolder
{
    /// <summary>Writes a complete cell with the given per-query values of each measure (queries q1..qN).</summary>
    public static async Task<CellManifest> WriteCellAsync(
        ResultStore store,
        string cellId,
        CellAxes axes,
        IReadOnlyDictionary<string, double[]> measures,
        IReadOnlyList<NegativesRow>? negatives = null,
        IReadOnlyList<TrainingRow>? training = null,
        IReadOnlyDictionary<string, string>? citations = null)
    {
        var writer = store.CreateCell(cellId);
        var rows = new List<MetricRow>();
        foreach (var (measure, values) in measures)
        {
            for (var q = 0; q < values.Length; q++)
            {
                rows.Add(new MetricRow(cellId, axes.Dataset, axes.Encoder, axes.Loss, axes.Sampler, axes.Reranker, axes.Seed, axes.Params, $"q{q + 1}", measure, values[q]));
            }
        }

        await writer.WriteMetricsAsync(rows);
        if (negatives is not null)
        {
            await writer.WriteNegativesAsync(negatives);
        }

        if (training is not null)
        {
            await writer.WriteTrainingAsync(training);
        }

        // A run file whose ranking follows the first measure's values: q1 ranks d1 above d2, and so on.
        await writer.WriteFileAsync(ResultStore.RunFileName, async (s, ct) =>
        {
            await using var w = new StreamWriter(s, leaveOpen: true);
            var first = measures.Values.First();
            for (var q = 0; q < first.Length; q++)
            {
                for (var d = 0; d < 3; d++)
                {
                    await w.WriteLineAsync($"q{q + 1} Q0 d{(d + q) % 3 + 1} {d + 1} {(3 - d) * (1 + first[q]):0.######} test");
                }
            }
        });

        return await writer.CompleteAsync(new CellManifest
        {
            CellId = cellId,
            Status = CellStatus.Complete,
            Cell = axes,
            Seeds = new Dictionary<string, long> { ["cell"] = axes.Seed },
            Citations = citations,
        });
    }

    /// <summary>Writes a failed (or diverged) cell with its error text.</summary>
    public static Task<CellManifest> WriteFailedCellAsync(ResultStore store, string cellId, CellAxes axes, string error, CellStatus status = CellStatus.Failed)
    {
        var writer = store.CreateCell(cellId);
        return writer.CompleteAsync(new CellManifest { CellId = cellId, Status = status, Cell = axes, Error = error });
    }

    public static CellAxes Axes(string loss, string sampler, long seed, string parameters = "") =>
        new("synthetic", "hashed-bow", loss, sampler, "none", parameters, seed);
}
