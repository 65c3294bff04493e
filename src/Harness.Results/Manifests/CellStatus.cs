namespace Harness.Results.Manifests;

/// <summary>How a cell ended, as its manifest records it (<c>complete</c>, <c>failed</c>, <c>diverged</c> in JSON).</summary>
public enum CellStatus
{
    /// <summary>The cell ran to the end; its result files are there.</summary>
    Complete,

    /// <summary>The cell failed (an exception, a crash, a timeout); <see cref="CellManifest.Error"/> says why.</summary>
    Failed,

    /// <summary>Training diverged (a non-finite loss); <see cref="CellManifest.Error"/> says where.</summary>
    Diverged,
}
