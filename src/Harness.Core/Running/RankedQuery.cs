using Harness.Retrieval;

namespace Harness.Core.Running;

/// <summary>A query's final ranking (after fusion and reranking), best first.</summary>
/// <param name="QueryId">The query.</param>
/// <param name="Documents">The ranked documents with the scores that order them.</param>
public sealed record RankedQuery(string QueryId, IReadOnlyList<ScoredDocument> Documents);
