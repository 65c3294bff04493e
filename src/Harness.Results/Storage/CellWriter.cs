using Harness.Results.Manifests;
using Harness.Results.Schema;

namespace Harness.Results.Storage;

/// <summary>
/// Writes one cell folder: each file atomically (<see cref="AtomicFile"/>), then the manifest last
/// (<see cref="CompleteAsync"/>), which records the SHA-256 of every file present. Until the manifest exists the cell
/// reads as <see cref="CellState.Incomplete"/>. Obtain one from <see cref="ResultStore.CreateCell"/>.
/// </summary>
public sealed class CellWriter
{
    internal CellWriter(string cellId, string directory)
    {
        CellId = cellId;
        Directory = directory;
    }

    /// <summary>The cell id.</summary>
    public string CellId { get; }

    /// <summary>The cell folder.</summary>
    public string Directory { get; }

    /// <summary>Writes <c>metrics.parquet</c>.</summary>
    /// <param name="rows">One row per query × measure.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task WriteMetricsAsync(IReadOnlyList<MetricRow> rows, CancellationToken cancellationToken = default) =>
        MetricsTable.WriteAsync(Path.Combine(Directory, MetricsTable.FileName), CheckCell(rows, r => r.CellId), cancellationToken);

    /// <summary>Writes <c>training.parquet</c>.</summary>
    /// <param name="rows">One row per logged step.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task WriteTrainingAsync(IReadOnlyList<TrainingRow> rows, CancellationToken cancellationToken = default) =>
        TrainingTable.WriteAsync(Path.Combine(Directory, TrainingTable.FileName), CheckCell(rows, r => r.CellId), cancellationToken);

    /// <summary>Writes <c>negatives.parquet</c>.</summary>
    /// <param name="rows">One row per epoch.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task WriteNegativesAsync(IReadOnlyList<NegativesRow> rows, CancellationToken cancellationToken = default) =>
        NegativesTable.WriteAsync(Path.Combine(Directory, NegativesTable.FileName), CheckCell(rows, r => r.CellId), cancellationToken);

    /// <summary>Writes any other file of the cell (for example <c>run.trec</c>) atomically.</summary>
    /// <param name="relativePath">The file's path inside the cell folder.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task WriteFileAsync(string relativePath, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath == CellManifest.FileName)
        {
            throw new ArgumentException($"{CellManifest.FileName} is written by {nameof(CompleteAsync)}", nameof(relativePath));
        }

        var full = Path.GetFullPath(Path.Combine(Directory, relativePath));
        if (!full.StartsWith(Path.GetFullPath(Directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is outside the cell folder", nameof(relativePath));
        }

        return AtomicFile.WriteAsync(full, write, cancellationToken);
    }

    /// <summary>
    /// Hashes every file now in the cell folder and writes <c>manifest.json</c> with those hashes (replacing
    /// <see cref="CellManifest.Files"/>): the last write of a cell. Call it for failed and diverged cells too, with the
    /// error text, so the failure is recorded.
    /// </summary>
    /// <param name="manifest">The manifest (its <see cref="CellManifest.CellId"/> must be this cell's).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The manifest as written.</returns>
    public async Task<CellManifest> CompleteAsync(CellManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.CellId != CellId)
        {
            throw new ArgumentException($"manifest is for cell '{manifest.CellId}', this writer for '{CellId}'", nameof(manifest));
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in FileHash.CoveredFiles(Directory))
        {
            files[relative] = await FileHash.Sha256Async(Path.Combine(Directory, relative), cancellationToken).ConfigureAwait(false);
        }

        var written = manifest with { Format = CellManifest.CurrentFormat, Files = files };
        await AtomicFile.WriteAllTextAsync(Path.Combine(Directory, CellManifest.FileName), ResultJson.Serialize(written), cancellationToken).ConfigureAwait(false);
        return written;
    }

    private IReadOnlyList<T> CheckCell<T>(IReadOnlyList<T> rows, Func<T, string> cellOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (cellOf(row) != CellId)
            {
                throw new ArgumentException($"a row names cell '{cellOf(row)}'; this writer writes cell '{CellId}'", nameof(rows));
            }
        }

        return rows;
    }
}
