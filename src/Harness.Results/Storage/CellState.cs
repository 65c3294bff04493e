namespace Harness.Results.Storage;

/// <summary>What a cell folder holds, judged from its manifest and files (<see cref="ResultStore.InspectAsync"/>).</summary>
public enum CellState
{
    /// <summary>The manifest says complete and every recorded hash matches.</summary>
    Complete,

    /// <summary>The manifest says failed (its files, if any, are intact).</summary>
    Failed,

    /// <summary>The manifest says diverged (its files, if any, are intact).</summary>
    Diverged,

    /// <summary>No manifest: the cell is running, was interrupted, or its folder was left half-written.</summary>
    Incomplete,

    /// <summary>A manifest that cannot be read, or a file that is missing, unlisted or does not match its hash.</summary>
    Corrupt,
}
