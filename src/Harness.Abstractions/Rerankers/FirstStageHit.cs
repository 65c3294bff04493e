namespace Harness.Abstractions.Rerankers;

/// <summary>A candidate's place in one first-stage list.</summary>
/// <param name="Rank">0-based rank in that list.</param>
/// <param name="Score">The first stage's score.</param>
public sealed record FirstStageHit(int Rank, double Score);
