using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.Rerankers;

/// <summary>A candidate of the union of the first-stage lists, with its rank and score in each list that has it.</summary>
/// <param name="Document">The document.</param>
/// <param name="Hits">Hits by source name (<c>dense</c>, <c>bm25</c>); a list that missed the document has no entry.</param>
public sealed record RerankCandidate(Document Document, IReadOnlyDictionary<string, FirstStageHit> Hits);
