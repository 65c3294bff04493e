namespace Harness.Abstractions.Plugins;

/// <summary>One number a plugin reports (mining counts, thresholds, filter rates), stored with the cell's training log.</summary>
/// <param name="Name">A stable kebab-case or dotted name, e.g. <c>bm25.pool-size</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Step">The optimizer step it belongs to, if any.</param>
/// <param name="Epoch">The epoch it belongs to, if any.</param>
public readonly record struct MetricPoint(string Name, double Value, long? Step = null, int? Epoch = null);
