namespace Harness.Results.Manifests;

/// <summary>When a cell ran, and how long its phases took.</summary>
/// <param name="Started">Start time (UTC), when known.</param>
/// <param name="Finished">End time (UTC), when known.</param>
/// <param name="Seconds">Seconds per phase (for example <c>dataset</c>, <c>train</c>, <c>retrieve</c>, <c>evaluate</c>, <c>total</c>).</param>
public sealed record CellTimings(DateTimeOffset? Started, DateTimeOffset? Finished, IReadOnlyDictionary<string, double>? Seconds);
