using Parquet.Schema;

namespace Harness.Results.Schema;

/// <summary><c>metrics.parquet</c>: one row per query × measure. Columns, in this order: cell_id, dataset, encoder,
/// loss, sampler, reranker, seed (int64), params, query_id, measure, value (double); none nullable.</summary>
public static class MetricsTable
{
    /// <summary>The file name inside a cell folder.</summary>
    public const string FileName = "metrics.parquet";

    private static readonly DataField<string> CellId = new("cell_id", false);
    private static readonly DataField<string> Dataset = new("dataset", false);
    private static readonly DataField<string> Encoder = new("encoder", false);
    private static readonly DataField<string> Loss = new("loss", false);
    private static readonly DataField<string> Sampler = new("sampler", false);
    private static readonly DataField<string> Reranker = new("reranker", false);
    private static readonly DataField<long> Seed = new("seed", false);
    private static readonly DataField<string> Params = new("params", false);
    private static readonly DataField<string> QueryId = new("query_id", false);
    private static readonly DataField<string> Measure = new("measure", false);
    private static readonly DataField<double> Value = new("value", false);

    /// <summary>The schema, columns in their fixed order.</summary>
    public static ParquetSchema Schema { get; } = new(CellId, Dataset, Encoder, Loss, Sampler, Reranker, Seed, Params, QueryId, Measure, Value);

    /// <summary>Writes the rows (in the order given) to a stream.</summary>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(Stream stream, IReadOnlyList<MetricRow> rows, CancellationToken cancellationToken = default) =>
        ParquetColumns.WriteAsync(stream, Schema, rows, async (w, g) =>
        {
            await ParquetColumns.Strings(w, CellId, g, r => r.CellId).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Dataset, g, r => r.Dataset).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Encoder, g, r => r.Encoder).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Loss, g, r => r.Loss).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Sampler, g, r => r.Sampler).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Reranker, g, r => r.Reranker).ConfigureAwait(false);
            await ParquetColumns.Values(w, Seed, g, r => r.Seed).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Params, g, r => r.Params).ConfigureAwait(false);
            await ParquetColumns.Strings(w, QueryId, g, r => r.QueryId).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Measure, g, r => r.Measure).ConfigureAwait(false);
            await ParquetColumns.Values(w, Value, g, r => r.Value).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Writes the rows to a file, atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(string path, IReadOnlyList<MetricRow> rows, CancellationToken cancellationToken = default) =>
        Storage.AtomicFile.WriteAsync(path, (s, ct) => WriteAsync(s, rows, ct), cancellationToken);

    /// <summary>Reads every row of a stream.</summary>
    /// <param name="stream">A readable, seekable stream.</param>
    /// <param name="path">The name used in error messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="ResultFormatException">The stream is not Parquet or lacks a column.</exception>
    public static async Task<IReadOnlyList<MetricRow>> ReadAsync(Stream stream, string path, CancellationToken cancellationToken = default) =>
        await ParquetColumns.ReadAsync(stream, path, Schema, async g =>
        {
            var cell = await g.Strings(CellId.Name).ConfigureAwait(false);
            var dataset = await g.Strings(Dataset.Name).ConfigureAwait(false);
            var encoder = await g.Strings(Encoder.Name).ConfigureAwait(false);
            var loss = await g.Strings(Loss.Name).ConfigureAwait(false);
            var sampler = await g.Strings(Sampler.Name).ConfigureAwait(false);
            var reranker = await g.Strings(Reranker.Name).ConfigureAwait(false);
            var seed = await g.Values<long>(Seed.Name).ConfigureAwait(false);
            var parameters = await g.Strings(Params.Name).ConfigureAwait(false);
            var query = await g.Strings(QueryId.Name).ConfigureAwait(false);
            var measure = await g.Strings(Measure.Name).ConfigureAwait(false);
            var value = await g.Values<double>(Value.Name).ConfigureAwait(false);
            var rows = new MetricRow[g.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new MetricRow(cell[i], dataset[i], encoder[i], loss[i], sampler[i], reranker[i], seed[i], parameters[i], query[i], measure[i], value[i]);
            }

            return rows;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads every row of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="ResultFormatException">The file is not Parquet or lacks a column.</exception>
    public static async Task<IReadOnlyList<MetricRow>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
    }
}
