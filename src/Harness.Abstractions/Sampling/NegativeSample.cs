namespace Harness.Abstractions.Sampling;

/// <summary>The negatives chosen for one query.</summary>
/// <param name="DocumentIds">Distinct document ids, none of them a labelled positive of the query.</param>
/// <param name="Shortfall">Null when the requested count was returned; otherwise why fewer were returned.</param>
public sealed record NegativeSample(IReadOnlyList<string> DocumentIds, string? Shortfall = null);
