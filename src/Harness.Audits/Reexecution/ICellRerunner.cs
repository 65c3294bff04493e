using Harness.Results.Storage;

namespace Harness.Audits.Reexecution;

/// <summary>
/// Runs a recorded cell again: same resolved configuration (the manifest's <c>configuration</c>), same seed, same
/// device kind, into a scratch results folder. The runner implements it (it runs <c>harness cell</c> in a child
/// process); the audit only compares what comes back.
/// </summary>
public interface ICellRerunner
{
    /// <summary>Reruns one cell.</summary>
    /// <param name="original">The recorded cell (complete).</param>
    /// <param name="scratchRoot">An empty results folder to write the rerun into (<c>scratchRoot/cells/ID/...</c>).</param>
    /// <param name="cancellationToken">Cancels the rerun.</param>
    /// <returns>The rerun cell as found in <paramref name="scratchRoot"/> (its id may differ when plugins changed).</returns>
    /// <exception cref="InvalidOperationException">The cell could not be rerun; the message says why.</exception>
    Task<CellRecord> RerunAsync(CellRecord original, string scratchRoot, CancellationToken cancellationToken);
}
