namespace Harness.Retrieval.Dense;

/// <summary>
/// The result of an exact top-k search: for each query, K (document index, score) pairs, best first, equal scores
/// ordered by document index ascending. Row-major arrays of QueryCount × K.
/// </summary>
/// <param name="QueryCount">The number of queries.</param>
/// <param name="K">Entries per query (min(k, corpus size)).</param>
/// <param name="Scores">Scores, row-major.</param>
/// <param name="Indices">Document indices (positions in the corpus matrix), row-major.</param>
public sealed record DenseTopK(int QueryCount, int K, float[] Scores, long[] Indices)
{
    /// <summary>The ranked list of one query, mapped to document ids.</summary>
    /// <param name="query">The query's row.</param>
    /// <param name="queryId">The query's id.</param>
    /// <param name="documentIds">Document id per corpus position.</param>
    /// <returns>The list, best first.</returns>
    public RankedList ToRankedList(int query, string queryId, IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var list = new ScoredDocument[K];
        for (var j = 0; j < K; j++)
        {
            list[j] = new ScoredDocument(documentIds[(int)Indices[(query * K) + j]], Scores[(query * K) + j]);
        }

        return new RankedList(queryId, list);
    }
}
