namespace Harness.Core.Running;

/// <summary>The end of one cell's execution.</summary>
/// <param name="CellId">The cell.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Error">Why it failed, in one line.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record CellExecution(string CellId, CellExecutionStatus Status, string? Error, TimeSpan Elapsed);
