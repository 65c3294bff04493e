namespace Harness.Core.Running;

/// <summary>How a cell execution ended.</summary>
public enum CellExecutionStatus
{
    /// <summary>Complete: its files and manifest are written.</summary>
    Complete,

    /// <summary>Failed (plugin error, out of memory, crash, time limit); the manifest says why.</summary>
    Failed,

    /// <summary>The loss became NaN or infinite.</summary>
    Diverged,

    /// <summary>Another process holds the cell's lock; nothing was recorded.</summary>
    Busy,

    /// <summary>The run was interrupted; nothing was recorded.</summary>
    Cancelled,
}
