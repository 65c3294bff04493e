namespace Harness.Abstractions.Datasets;

/// <summary>A query.</summary>
/// <param name="Id">Unique query id (unique across all splits of a dataset).</param>
/// <param name="Text">Query text.</param>
public sealed record Query(string Id, string Text);
