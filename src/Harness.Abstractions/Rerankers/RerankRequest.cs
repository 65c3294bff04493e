using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.Rerankers;

/// <summary>What a reranker scores: a query and the union of the first-stage lists it asked for.</summary>
/// <param name="Query">The query.</param>
/// <param name="Candidates">Distinct candidates, in the host's order (best first-stage rank first).</param>
public sealed record RerankRequest(Query Query, IReadOnlyList<RerankCandidate> Candidates);
