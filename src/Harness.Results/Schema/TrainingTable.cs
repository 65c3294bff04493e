using Parquet.Schema;

namespace Harness.Results.Schema;

/// <summary><c>training.parquet</c>: the training log. Columns, in this order: cell_id, step (int64), epoch (int32),
/// loss, learning_rate, examples_per_second, elapsed_seconds (doubles); none nullable.</summary>
public static class TrainingTable
{
    /// <summary>The file name inside a cell folder.</summary>
    public const string FileName = "training.parquet";

    private static readonly DataField<string> CellId = new("cell_id", false);
    private static readonly DataField<long> Step = new("step", false);
    private static readonly DataField<int> Epoch = new("epoch", false);
    private static readonly DataField<double> Loss = new("loss", false);
    private static readonly DataField<double> LearningRate = new("learning_rate", false);
    private static readonly DataField<double> ExamplesPerSecond = new("examples_per_second", false);
    private static readonly DataField<double> ElapsedSeconds = new("elapsed_seconds", false);

    /// <summary>The schema, columns in their fixed order.</summary>
    public static ParquetSchema Schema { get; } = new(CellId, Step, Epoch, Loss, LearningRate, ExamplesPerSecond, ElapsedSeconds);

    /// <summary>Writes the rows (in the order given) to a stream.</summary>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(Stream stream, IReadOnlyList<TrainingRow> rows, CancellationToken cancellationToken = default) =>
        ParquetColumns.WriteAsync(stream, Schema, rows, async (w, g) =>
        {
            await ParquetColumns.Strings(w, CellId, g, r => r.CellId).ConfigureAwait(false);
            await ParquetColumns.Values(w, Step, g, r => r.Step).ConfigureAwait(false);
            await ParquetColumns.Values(w, Epoch, g, r => r.Epoch).ConfigureAwait(false);
            await ParquetColumns.Values(w, Loss, g, r => r.Loss).ConfigureAwait(false);
            await ParquetColumns.Values(w, LearningRate, g, r => r.LearningRate).ConfigureAwait(false);
            await ParquetColumns.Values(w, ExamplesPerSecond, g, r => r.ExamplesPerSecond).ConfigureAwait(false);
            await ParquetColumns.Values(w, ElapsedSeconds, g, r => r.ElapsedSeconds).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Writes the rows to a file, atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(string path, IReadOnlyList<TrainingRow> rows, CancellationToken cancellationToken = default) =>
        Storage.AtomicFile.WriteAsync(path, (s, ct) => WriteAsync(s, rows, ct), cancellationToken);

    /// <summary>Reads every row of a stream.</summary>
    /// <param name="stream">A readable, seekable stream.</param>
    /// <param name="path">The name used in error messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="ResultFormatException">The stream is not Parquet or lacks a column.</exception>
    public static async Task<IReadOnlyList<TrainingRow>> ReadAsync(Stream stream, string path, CancellationToken cancellationToken = default) =>
        await ParquetColumns.ReadAsync(stream, path, Schema, async g =>
        {
            var cell = await g.Strings(CellId.Name).ConfigureAwait(false);
            var step = await g.Values<long>(Step.Name).ConfigureAwait(false);
            var epoch = await g.Values<int>(Epoch.Name).ConfigureAwait(false);
            var loss = await g.Values<double>(Loss.Name).ConfigureAwait(false);
            var lr = await g.Values<double>(LearningRate.Name).ConfigureAwait(false);
            var eps = await g.Values<double>(ExamplesPerSecond.Name).ConfigureAwait(false);
            var elapsed = await g.Values<double>(ElapsedSeconds.Name).ConfigureAwait(false);
            var rows = new TrainingRow[g.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new TrainingRow(cell[i], step[i], epoch[i], loss[i], lr[i], eps[i], elapsed[i]);
            }

            return rows;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads every row of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="ResultFormatException">The file is not Parquet or lacks a column.</exception>
    public static async Task<IReadOnlyList<TrainingRow>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
    }
}
