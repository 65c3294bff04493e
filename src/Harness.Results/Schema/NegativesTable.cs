using Parquet.Schema;

namespace Harness.Results.Schema;

/// <summary><c>negatives.parquet</c>: the negative sampler's log per epoch. Columns, in this order: cell_id,
/// epoch (int32), sampler, queries, negatives, shortfalls (int64), rank_min (int64, nullable), rank_median (double,
/// nullable), rank_max (int64, nullable), false_negatives, in_batch_false_negatives, dropped, dropped_false_negatives
/// (int64).</summary>
public static class NegativesTable
{
    /// <summary>The file name inside a cell folder.</summary>
    public const string FileName = "negatives.parquet";

    private static readonly DataField<string> CellId = new("cell_id", false);
    private static readonly DataField<int> Epoch = new("epoch", false);
    private static readonly DataField<string> Sampler = new("sampler", false);
    private static readonly DataField<long> Queries = new("queries", false);
    private static readonly DataField<long> Negatives = new("negatives", false);
    private static readonly DataField<long> Shortfalls = new("shortfalls", false);
    private static readonly DataField<long?> RankMin = new("rank_min", true);
    private static readonly DataField<double?> RankMedian = new("rank_median", true);
    private static readonly DataField<long?> RankMax = new("rank_max", true);
    private static readonly DataField<long> FalseNegatives = new("false_negatives", false);
    private static readonly DataField<long> InBatchFalseNegatives = new("in_batch_false_negatives", false);
    private static readonly DataField<long> Dropped = new("dropped", false);
    private static readonly DataField<long> DroppedFalseNegatives = new("dropped_false_negatives", false);

    /// <summary>The schema, columns in their fixed order.</summary>
    public static ParquetSchema Schema { get; } = new(CellId, Epoch, Sampler, Queries, Negatives, Shortfalls, RankMin, RankMedian, RankMax, FalseNegatives, InBatchFalseNegatives, Dropped, DroppedFalseNegatives);

    /// <summary>Writes the rows (in the order given) to a stream.</summary>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(Stream stream, IReadOnlyList<NegativesRow> rows, CancellationToken cancellationToken = default) =>
        ParquetColumns.WriteAsync(stream, Schema, rows, async (w, g) =>
        {
            await ParquetColumns.Strings(w, CellId, g, r => r.CellId).ConfigureAwait(false);
            await ParquetColumns.Values(w, Epoch, g, r => r.Epoch).ConfigureAwait(false);
            await ParquetColumns.Strings(w, Sampler, g, r => r.Sampler).ConfigureAwait(false);
            await ParquetColumns.Values(w, Queries, g, r => r.Queries).ConfigureAwait(false);
            await ParquetColumns.Values(w, Negatives, g, r => r.Negatives).ConfigureAwait(false);
            await ParquetColumns.Values(w, Shortfalls, g, r => r.Shortfalls).ConfigureAwait(false);
            await ParquetColumns.Nullables(w, RankMin, g, r => r.RankMin).ConfigureAwait(false);
            await ParquetColumns.Nullables(w, RankMedian, g, r => r.RankMedian).ConfigureAwait(false);
            await ParquetColumns.Nullables(w, RankMax, g, r => r.RankMax).ConfigureAwait(false);
            await ParquetColumns.Values(w, FalseNegatives, g, r => r.FalseNegatives).ConfigureAwait(false);
            await ParquetColumns.Values(w, InBatchFalseNegatives, g, r => r.InBatchFalseNegatives).ConfigureAwait(false);
            await ParquetColumns.Values(w, Dropped, g, r => r.Dropped).ConfigureAwait(false);
            await ParquetColumns.Values(w, DroppedFalseNegatives, g, r => r.DroppedFalseNegatives).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Writes the rows to a file, atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(string path, IReadOnlyList<NegativesRow> rows, CancellationToken cancellationToken = default) =>
        Storage.AtomicFile.WriteAsync(path, (s, ct) => WriteAsync(s, rows, ct), cancellationToken);

    /// <summary>Reads every row of a stream.</summary>
    /// <param name="stream">A readable, seekable stream.</param>
    /// <param name="path">The name used in error messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="ResultFormatException">The stream is not Parquet or lacks a column.</exception>
    public static async Task<IReadOnlyList<NegativesRow>> ReadAsync(Stream stream, string path, CancellationToken cancellationToken = default) =>
        await ParquetColumns.ReadAsync(stream, path, Schema, async g =>
        {
            var cell = await g.Strings(CellId.Name).ConfigureAwait(false);
            var epoch = await g.Values<int>(Epoch.Name).ConfigureAwait(false);
            var sampler = await g.Strings(Sampler.Name).ConfigureAwait(false);
            var queries = await g.Values<long>(Queries.Name).ConfigureAwait(false);
            var negatives = await g.Values<long>(Negatives.Name).ConfigureAwait(false);
            var shortfalls = await g.Values<long>(Shortfalls.Name).ConfigureAwait(false);
            var rankMin = await g.Nullables<long>(RankMin.Name).ConfigureAwait(false);
            var rankMedian = await g.Nullables<double>(RankMedian.Name).ConfigureAwait(false);
            var rankMax = await g.Nullables<long>(RankMax.Name).ConfigureAwait(false);
            var fn = await g.Values<long>(FalseNegatives.Name).ConfigureAwait(false);
            var inBatch = await g.Values<long>(InBatchFalseNegatives.Name).ConfigureAwait(false);
            var dropped = await g.Values<long>(Dropped.Name).ConfigureAwait(false);
            var droppedFn = await g.Values<long>(DroppedFalseNegatives.Name).ConfigureAwait(false);
            var rows = new NegativesRow[g.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new NegativesRow(cell[i], epoch[i], sampler[i], queries[i], negatives[i], shortfalls[i], rankMin[i], rankMedian[i], rankMax[i], fn[i], inBatch[i], dropped[i], droppedFn[i]);
            }

            return rows;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads every row of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="ResultFormatException">The file is not Parquet or lacks a column.</exception>
    public static async Task<IReadOnlyList<NegativesRow>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
    }
}
