using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Harness.Core.Experiments;
using Harness.Results.Manifests;
using Harness.Results.Schema;
using Harness.Results.Storage;

namespace Harness.Core.Running;

/// <summary>
/// Writes a cell's outcome through Harness.Results: metrics, training and negatives Parquet tables, run.trec, then
/// the manifest last (the results layout's contract: a cell is complete only when its manifest says so and the hashes
/// match). Also writes failure manifests.
/// </summary>
public static class CellResults
{
    /// <summary>The folder of a cell holding its trained encoder, when kept: what <c>IEncoder.Save</c> wrote (the state
    /// dict <c>module.dat</c>, plus a vocabulary for BERT encoders); <c>IEncoder.Load</c> and <c>harness encode
    /// --encoder-state</c> read it. Each file is hashed in the manifest.</summary>
    public const string EncoderDirectoryName = "encoder";

    /// <summary>Writes a finished cell.</summary>
    /// <param name="store">The results folder.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="outcome">What its pipeline produced.</param>
    /// <param name="provenance">The provenance object.</param>
    /// <param name="started">When it started.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The manifest written.</returns>
    public static async Task<CellManifest> WriteCompleteAsync(ResultStore store, ExperimentCell cell, CellOutcome outcome, JsonObject provenance, DateTimeOffset started, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(outcome);
        var writer = store.CreateCell(cell.Id);
        var axes = Axes(cell);
        await writer.WriteMetricsAsync([.. outcome.Metrics.Select(m => new MetricRow(cell.Id, axes.Dataset, axes.Encoder, axes.Loss, axes.Sampler, axes.Reranker, cell.Seed, axes.Params, m.QueryId, m.Measure, m.Value))], cancellationToken).ConfigureAwait(false);
        await writer.WriteTrainingAsync([.. outcome.Training.Select(t => new TrainingRow(cell.Id, t.Step, t.Epoch, t.Loss, t.LearningRate, t.ExamplesPerSecond, t.ElapsedSeconds))], cancellationToken).ConfigureAwait(false);
        await writer.WriteNegativesAsync([.. outcome.Negatives.Select(n => new NegativesRow(cell.Id, n.Epoch, cell.Sampler.Id, n.Queries, n.Negatives, n.Shortfalls, n.RankMin, n.RankMedian, n.RankMax, n.FalseNegatives, n.InBatchFalseNegatives, n.Dropped, n.DroppedFalseNegatives))], cancellationToken).ConfigureAwait(false);
        await writer.WriteFileAsync(ResultStore.RunFileName, (s, ct) => WriteTrecAsync(s, outcome.Ranking, cell.Id, ct), cancellationToken).ConfigureAwait(false);
        if (outcome.TrainedEncoder is { } saved)
        {
            foreach (var file in Directory.EnumerateFiles(saved, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(saved, file).Replace(Path.DirectorySeparatorChar, '/');
                await writer.WriteFileAsync($"{EncoderDirectoryName}/{relative}", async (s, ct) =>
                {
                    var source = File.OpenRead(file);
                    await using (source.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(s, ct).ConfigureAwait(false);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        return await writer.CompleteAsync(Manifest(cell, CellStatus.Complete, null, provenance, started, outcome.Seconds), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failed (or diverged) cell: removes whatever it left and writes a manifest with the reason.</summary>
    /// <param name="store">The results folder.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="status">Failed or diverged.</param>
    /// <param name="error">Why, in one line.</param>
    /// <param name="provenance">The provenance object, when known.</param>
    /// <param name="started">When it started.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The manifest written.</returns>
    public static Task<CellManifest> WriteFailureAsync(ResultStore store, ExperimentCell cell, CellStatus status, string error, JsonObject? provenance, DateTimeOffset started, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cell);
        var writer = store.CreateCell(cell.Id);
        return writer.CompleteAsync(Manifest(cell, status, error, provenance, started, null), cancellationToken);
    }

    /// <summary>The axes columns of a cell's rows.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The axes.</returns>
    public static CellAxes Axes(ExperimentCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new CellAxes(cell.Dataset.Id, cell.Encoder.Id, cell.Loss.Id, cell.Sampler.Id, cell.Reranker.Id, cell.ParamsText, cell.Seed);
    }

    /// <summary>The resolved configuration as JSON (what the manifest records).</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The object.</returns>
    public static JsonObject Configuration(ExperimentCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        JsonObject Plugin(ResolvedPlugin p) => new()
        {
            ["id"] = p.Id,
            ["version"] = p.Version,
            ["sha256"] = p.AssemblySha256,
            ["parameters"] = new JsonObject([.. p.Parameters.Select(x => new KeyValuePair<string, JsonNode?>(x.Key, JsonValue.Create(x.Value)))]),
        };
        return new JsonObject
        {
            ["dataset"] = Plugin(cell.Dataset),
            ["dataset_content_hash"] = cell.DatasetContentHash,
            ["encoder"] = Plugin(cell.Encoder),
            ["loss"] = Plugin(cell.Loss),
            ["sampler"] = Plugin(cell.Sampler),
            ["reranker"] = Plugin(cell.Reranker),
            ["train"] = new JsonObject([.. cell.Train.Select(x => new KeyValuePair<string, JsonNode?>(x.Key, JsonValue.Create(x.Value)))]),
            ["eval"] = new JsonObject
            {
                ["split"] = cell.Eval.Split,
                ["depth"] = cell.Eval.Depth,
                ["measures"] = new JsonArray([.. cell.Eval.Measures.Select(m => (JsonNode)JsonValue.Create(m))]),
                ["retrieval"] = cell.Eval.Retrieval,
                ["rerank_depth"] = cell.Eval.RerankDepth,
                ["similarity"] = cell.Eval.Similarity,
            },
            ["run"] = new JsonObject
            {
                ["checkpoint_every"] = cell.Run.CheckpointEverySteps,
                ["keep_encoder"] = cell.Run.KeepEncoder,
            },
            ["seed"] = cell.Seed,
            ["canonical"] = cell.Canonical,
        };
    }

    private static CellManifest Manifest(ExperimentCell cell, CellStatus status, string? error, JsonObject? provenance, DateTimeOffset started, IReadOnlyDictionary<string, double>? seconds) => new()
    {
        CellId = cell.Id,
        DisplayName = cell.DisplayName,
        Status = status,
        Error = error,
        Cell = Axes(cell),
        Configuration = Configuration(cell),
        Seeds = new Dictionary<string, long> { ["cell"] = cell.Seed },
        Timings = new CellTimings(started, DateTimeOffset.UtcNow, seconds),
        Provenance = provenance,
        Citations = cell.Plugins.Where(p => p.Plugin?.Info.Citation is not null).ToDictionary(p => p.Id, p => p.Plugin!.Info.Citation!),
    };

    private static async Task WriteTrecAsync(Stream stream, IReadOnlyList<RankedQuery> ranking, string runId, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var q in ranking)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var r = 0; r < q.Documents.Count; r++)
                {
                    var d = q.Documents[r];
                    await writer.WriteAsync($"{q.QueryId} Q0 {d.DocumentId} {(r + 1).ToString(CultureInfo.InvariantCulture)} {d.Score.ToString("R", CultureInfo.InvariantCulture)} {runId}\n").ConfigureAwait(false);
                }
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
