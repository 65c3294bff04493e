namespace Harness.Core.Running;

/// <summary>How the matrix runner schedules cells.</summary>
public sealed record MatrixRunOptions
{
    /// <summary>Cells run at once.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>One device per worker, assigned round-robin (worker i gets Devices[i mod n]).</summary>
    public IReadOnlyList<string> Devices { get; init; } = ["cpu"];

    /// <summary>Run again the cells whose manifest says failed or diverged.</summary>
    public bool RetryFailed { get; init; }
}
