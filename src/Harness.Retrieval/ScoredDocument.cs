namespace Harness.Retrieval;

/// <summary>One entry of a <see cref="RankedList"/>.</summary>
/// <param name="DocumentId">The document id.</param>
/// <param name="Score">The score (higher ranks first). Double, so reranker scores fit; first-stage float scores convert exactly.</param>
public readonly record struct ScoredDocument(string DocumentId, double Score);
