namespace Harness.Abstractions.Services;

/// <summary>A document a host search service found for a query.</summary>
/// <param name="DocumentId">The document id.</param>
/// <param name="Score">The search score (higher is better).</param>
/// <param name="Rank">The 0-based rank in the result list.</param>
public sealed record ScoredCandidate(string DocumentId, double Score, int Rank);
