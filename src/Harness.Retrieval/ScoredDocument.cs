namespace Harness.Retrieval;

/// <summary>One entry of a ranked list.</summary>
/// <param name="DocumentId">The document id.</param>
/// <param name="Score">The retrieval score (higher ranks first).</param>
public readonly record struct ScoredDocument(string DocumentId, float Score);
