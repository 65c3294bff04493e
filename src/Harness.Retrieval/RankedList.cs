namespace Harness.Retrieval;

/// <summary>
/// The ranked documents of one query, best first: the one run type of the harness (first-stage retrieval,
/// reranking and the runner use it; <see cref="TrecRunWriter"/> writes a run of them in TREC format, and the
/// evaluator's byte-keyed TrecRun is built from that text).
/// </summary>
/// <param name="QueryId">The query id.</param>
/// <param name="Documents">The documents, best first; ties are in the order the producer fixed.</param>
public sealed record RankedList(string QueryId, IReadOnlyList<ScoredDocument> Documents);
