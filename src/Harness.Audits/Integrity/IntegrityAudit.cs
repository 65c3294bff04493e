using Harness.Results;
using Harness.Results.Schema;
using Harness.Results.Storage;

namespace Harness.Audits.Integrity;

/// <summary>
/// Integrity: every cell folder has a manifest that says complete, every file matches the SHA-256 its manifest
/// records, no file is missing or unlisted, and the Parquet tables of complete cells read with the expected columns.
/// A failed or diverged cell is a failure of the audit too (a table with holes does not reproduce the matrix).
/// </summary>
public static class IntegrityAudit
{
    /// <summary>The check's name in findings.</summary>
    public const string Check = "integrity";

    /// <summary>Runs the check.</summary>
    /// <param name="store">The results folder.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The findings, in ordinal order of cell id.</returns>
    public static async Task<IReadOnlyList<AuditFinding>> RunAsync(ResultStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var findings = new List<AuditFinding>();
        var cells = await store.CellsAsync(cancellationToken).ConfigureAwait(false);
        if (cells.Count == 0)
        {
            findings.Add(new AuditFinding(Check, AuditSeverity.Failure, null, ResultStore.CellsFolder, "no cells"));
            return findings;
        }

        foreach (var cell in cells)
        {
            switch (cell.State)
            {
                case CellState.Complete:
                    var unreadable = await UnreadableTableAsync(cell, cancellationToken).ConfigureAwait(false);
                    findings.Add(unreadable is null
                        ? new AuditFinding(Check, AuditSeverity.Pass, cell.CellId, null, $"complete; {cell.Manifest!.Files.Count} files match their SHA-256")
                        : new AuditFinding(Check, AuditSeverity.Failure, cell.CellId, unreadable.Value.File, unreadable.Value.Message));
                    break;
                case CellState.Failed:
                case CellState.Diverged:
                    findings.Add(new AuditFinding(Check, AuditSeverity.Failure, cell.CellId, null, $"{cell.State.ToString().ToLowerInvariant()}: {cell.Reason}"));
                    break;
                default:
                    foreach (var problem in cell.Problems)
                    {
                        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
                        findings.Add(colon > 0
                            ? new AuditFinding(Check, AuditSeverity.Failure, cell.CellId, problem[..colon], problem[(colon + 2)..])
                            : new AuditFinding(Check, AuditSeverity.Failure, cell.CellId, null, problem));
                    }

                    break;
            }
        }

        return findings;
    }

    private static async Task<(string File, string Message)?> UnreadableTableAsync(CellRecord cell, CancellationToken cancellationToken)
    {
        (string File, Func<Task> Read)[] tables =
        [
            (MetricsTable.FileName, () => ResultStore.ReadMetricsAsync(cell, cancellationToken)),
            (TrainingTable.FileName, () => ResultStore.ReadTrainingAsync(cell, cancellationToken)),
            (NegativesTable.FileName, () => ResultStore.ReadNegativesAsync(cell, cancellationToken)),
        ];
        foreach (var (file, read) in tables)
        {
            try
            {
                await read().ConfigureAwait(false);
            }
            catch (ResultFormatException e)
            {
                var path = cell.PathOf(file);
                return (file, e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message[path.Length..].TrimStart(':', ' ') : e.Message);
            }
        }

        return null;
    }
}
