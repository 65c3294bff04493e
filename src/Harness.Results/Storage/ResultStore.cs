using Harness.Results.Manifests;
using Harness.Results.Matrix;
using Harness.Results.Schema;

namespace Harness.Results.Storage;

/// <summary>
/// A results folder: <c>DIR/matrix.json</c> (optional) and <c>DIR/cells/&lt;cell-id&gt;/</c> with
/// <c>metrics.parquet</c>, <c>training.parquet</c>, <c>negatives.parquet</c>, <c>run.trec</c> and
/// <c>manifest.json</c> (written last). The runner writes cells through <see cref="CreateCell"/>; the leaderboard and
/// audits enumerate them with <see cref="CellsAsync"/>, which verifies each manifest's hashes, and read the tables of
/// complete cells.
/// </summary>
public sealed class ResultStore
{
    /// <summary>The name of the folder of cells.</summary>
    public const string CellsFolder = "cells";

    /// <summary>The name of the final ranking in a cell folder.</summary>
    public const string RunFileName = "run.trec";

    /// <summary>Opens (without creating) a results folder.</summary>
    /// <param name="root">The results folder.</param>
    public ResultStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The results folder.</summary>
    public string Root { get; }

    /// <summary>The folder of cells.</summary>
    public string CellsDirectory => Path.Combine(Root, CellsFolder);

    /// <summary>The path of <c>matrix.json</c>.</summary>
    public string MatrixPath => Path.Combine(Root, MatrixInfo.FileName);

    /// <summary>Whether a string can be a cell id: 1-128 characters from <c>[A-Za-z0-9._-]</c>, not starting with a dot (a folder name on every file system).</summary>
    /// <param name="cellId">The candidate.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidCellId(string? cellId) =>
        !string.IsNullOrEmpty(cellId) && cellId.Length <= 128 && cellId[0] != '.' &&
        cellId.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-');

    /// <summary>The folder of a cell.</summary>
    /// <param name="cellId">The cell id.</param>
    /// <returns>The folder path.</returns>
    public string CellDirectory(string cellId)
    {
        if (!IsValidCellId(cellId))
        {
            throw new ArgumentException($"'{cellId}' is not a valid cell id (1-128 of [A-Za-z0-9._-], not starting with '.')", nameof(cellId));
        }

        return Path.Combine(CellsDirectory, cellId);
    }

    /// <summary>
    /// Starts (or restarts) a cell: whatever its folder held is removed, the manifest first so that no reader ever
    /// takes a half-removed folder for a complete cell, and an empty folder is created. The caller decides whether a
    /// cell needs running (<see cref="InspectAsync"/>); this method does not refuse a complete cell.
    /// </summary>
    /// <param name="cellId">The cell id.</param>
    /// <returns>A writer for the cell's files and manifest.</returns>
    public CellWriter CreateCell(string cellId)
    {
        var directory = CellDirectory(cellId);
        if (Directory.Exists(directory))
        {
            var manifest = Path.Combine(directory, CellManifest.FileName);
            if (File.Exists(manifest))
            {
                File.Delete(manifest);
            }

            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return new CellWriter(cellId, directory);
    }

    /// <summary>Reads <c>matrix.json</c>, or null when the folder has none.</summary>
    /// <returns>The matrix information or null.</returns>
    /// <exception cref="ResultFormatException">The file exists but cannot be read.</exception>
    public MatrixInfo? ReadMatrix() => File.Exists(MatrixPath) ? MatrixInfo.Read(MatrixPath) : null;

    /// <summary>Every cell folder under <c>cells/</c>, in ordinal order of id, each inspected (<see cref="InspectAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The cells; empty when there is no <c>cells/</c> folder.</returns>
    public async Task<IReadOnlyList<CellRecord>> CellsAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(CellsDirectory))
        {
            return [];
        }

        var ids = Directory.EnumerateDirectories(CellsDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var cells = new List<CellRecord>(ids.Count);
        foreach (var id in ids)
        {
            cells.Add(await InspectAsync(id, cancellationToken).ConfigureAwait(false));
        }

        return cells;
    }

    /// <summary>
    /// Judges one cell folder: <see cref="CellState.Incomplete"/> without a manifest; <see cref="CellState.Corrupt"/>
    /// when the manifest cannot be read, names another cell, or a file is missing, unlisted or differs from its
    /// recorded SHA-256 (or a complete cell has no <c>metrics.parquet</c>); otherwise the manifest's status.
    /// </summary>
    /// <param name="cellId">The cell id (folder name).</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    /// <returns>The record.</returns>
    public async Task<CellRecord> InspectAsync(string cellId, CancellationToken cancellationToken = default)
    {
        var directory = IsValidCellId(cellId) ? CellDirectory(cellId) : Path.Combine(CellsDirectory, cellId);
        var problems = new List<string>();
        if (!IsValidCellId(cellId))
        {
            return new CellRecord(cellId, directory, CellState.Corrupt, null, [$"'{cellId}': not a valid cell id"]);
        }

        var manifestPath = Path.Combine(directory, CellManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return new CellRecord(cellId, directory, CellState.Incomplete, null, [$"{CellManifest.FileName}: missing (the cell never finished)"]);
        }

        CellManifest manifest;
        try
        {
            manifest = ResultJson.Read<CellManifest>(manifestPath);
        }
        catch (ResultFormatException e)
        {
            return new CellRecord(cellId, directory, CellState.Corrupt, null, [$"{CellManifest.FileName}{StripPath(e.Message, manifestPath)}"]);
        }

        if (manifest.Format != CellManifest.CurrentFormat)
        {
            problems.Add($"{CellManifest.FileName}: format '{manifest.Format}' is not '{CellManifest.CurrentFormat}'");
        }

        if (manifest.CellId != cellId)
        {
            problems.Add($"{CellManifest.FileName}: names cell '{manifest.CellId}', but the folder is '{cellId}'");
        }

        foreach (var (relative, recorded) in manifest.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, relative);
            if (!File.Exists(path))
            {
                problems.Add($"{relative}: missing (listed in the manifest)");
                continue;
            }

            var actual = await FileHash.Sha256Async(path, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(actual, recorded, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{relative}: SHA-256 {Short(actual)} differs from the manifest's {Short(recorded)}");
            }
        }

        foreach (var relative in FileHash.CoveredFiles(directory))
        {
            if (!manifest.Files.ContainsKey(relative))
            {
                problems.Add($"{relative}: not listed in the manifest");
            }
        }

        if (manifest.Status == CellStatus.Complete && !manifest.Files.ContainsKey(MetricsTable.FileName))
        {
            problems.Add($"{MetricsTable.FileName}: missing (a complete cell must have it)");
        }

        if (problems.Count > 0)
        {
            return new CellRecord(cellId, directory, CellState.Corrupt, manifest, problems);
        }

        var state = manifest.Status switch
        {
            CellStatus.Complete => CellState.Complete,
            CellStatus.Failed => CellState.Failed,
            _ => CellState.Diverged,
        };
        return new CellRecord(cellId, directory, state, manifest, []);
    }

    /// <summary>Reads a cell's <c>metrics.parquet</c>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows (empty when the cell has no metrics file).</returns>
    /// <exception cref="ResultFormatException">The file cannot be read.</exception>
    public static async Task<IReadOnlyList<MetricRow>> ReadMetricsAsync(CellRecord cell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var path = cell.PathOf(MetricsTable.FileName);
        return File.Exists(path) ? await MetricsTable.ReadAsync(path, cancellationToken).ConfigureAwait(false) : [];
    }

    /// <summary>Reads a cell's <c>training.parquet</c>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows (empty when the cell has no training log, for example a zero-shot cell).</returns>
    /// <exception cref="ResultFormatException">The file cannot be read.</exception>
    public static async Task<IReadOnlyList<TrainingRow>> ReadTrainingAsync(CellRecord cell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var path = cell.PathOf(TrainingTable.FileName);
        return File.Exists(path) ? await TrainingTable.ReadAsync(path, cancellationToken).ConfigureAwait(false) : [];
    }

    /// <summary>Reads a cell's <c>negatives.parquet</c>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows (empty when the cell has no sampler log).</returns>
    /// <exception cref="ResultFormatException">The file cannot be read.</exception>
    public static async Task<IReadOnlyList<NegativesRow>> ReadNegativesAsync(CellRecord cell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var path = cell.PathOf(NegativesTable.FileName);
        return File.Exists(path) ? await NegativesTable.ReadAsync(path, cancellationToken).ConfigureAwait(false) : [];
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static string StripPath(string message, string path) =>
        message.StartsWith(path, StringComparison.Ordinal) ? message[path.Length..] : ": " + message;
}
