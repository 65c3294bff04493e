using Harness.Abstractions.Datasets;
using Harness.Abstractions.Rerankers;
using Harness.Retrieval;

namespace Harness.Core.Running;

/// <summary>Second stage: a reranker rescores the top candidates of a first-stage ranking.</summary>
public static class Reranking
{
    /// <summary>
    /// Rescores the first <paramref name="depth"/> candidates and sorts them by the reranker's score (ties keep the
    /// first-stage order); the candidates below follow in first-stage order with scores strictly below the head's, so
    /// any tool that sorts by score (trec_eval) sees the same order.
    /// </summary>
    /// <param name="reranker">The reranker (prepared).</param>
    /// <param name="query">The query.</param>
    /// <param name="ranking">The first-stage ranking.</param>
    /// <param name="documents">Documents by id.</param>
    /// <param name="depth">How many candidates to rescore.</param>
    /// <returns>The new ranking.</returns>
    public static IReadOnlyList<ScoredDocument> Rerank(IReranker reranker, Query query, IReadOnlyList<ScoredDocument> ranking, IReadOnlyDictionary<string, Document> documents, int depth)
    {
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(documents);
        var head = ranking.Take(depth).ToList();
        var scores = reranker.Score(query, [.. head.Select(d => documents[d.DocumentId])]);
        if (scores.Count != head.Count)
        {
            throw new CellFailedException($"reranker returned {scores.Count} scores for {head.Count} candidates (query {query.Id})");
        }

        if (scores.Any(s => !double.IsFinite(s)))
        {
            throw new CellFailedException($"reranker returned a non-finite score (query {query.Id})");
        }

        var result = head.Select((d, i) => (d.DocumentId, Score: scores[i], Rank: i))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Rank)
            .Select(x => new ScoredDocument(x.DocumentId, (float)x.Score)).ToList();
        var floor = result.Count == 0 ? 0f : result.Min(d => d.Score);
        var tail = ranking.Skip(depth).ToList();
        for (var i = 0; i < tail.Count; i++)
        {
            result.Add(new ScoredDocument(tail[i].DocumentId, floor - 1f - i));
        }

        return result;
    }
}
