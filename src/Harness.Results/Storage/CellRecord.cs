using Harness.Results.Manifests;

namespace Harness.Results.Storage;

/// <summary>One cell folder as found on disk.</summary>
/// <param name="CellId">The folder name (the cell id).</param>
/// <param name="Directory">The folder.</param>
/// <param name="State">What the folder holds.</param>
/// <param name="Manifest">The manifest, when it could be read.</param>
/// <param name="Problems">Why the cell is not complete, one line each naming the file (empty for a complete cell; for a failed or diverged cell, the recorded error is in <see cref="CellManifest.Error"/>).</param>
public sealed record CellRecord(string CellId, string Directory, CellState State, CellManifest? Manifest, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the cell is complete (manifest says so and every hash matches).</summary>
    public bool IsComplete => State == CellState.Complete;

    /// <summary>The path of a file in the cell folder.</summary>
    /// <param name="relativePath">A relative path such as <c>metrics.parquet</c>.</param>
    /// <returns>The full path.</returns>
    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>One line saying why the cell is not complete: the recorded error, or the problems found.</summary>
    public string Reason => State switch
    {
        CellState.Complete => "complete",
        CellState.Failed or CellState.Diverged when Problems.Count == 0 => Manifest?.Error ?? "(no error text recorded)",
        _ => string.Join("; ", Problems),
    };
}
