using Harness.Retrieval;

namespace Harness.Core.Running;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): score(d) = Σ 1 / (k + rank(d)), k = 60, the
/// paper's constant. Used for <c>retrieval: both</c> (dense and BM25).
/// </summary>
public static class RankFusion
{
    /// <summary>The paper's k.</summary>
    public const int K = 60;

    /// <summary>Fuses rankings of the same query.</summary>
    /// <param name="depth">Documents kept.</param>
    /// <param name="rankings">The rankings, best first.</param>
    /// <returns>The fused ranking, best first; ties broken by document id (ordinal) so the result is deterministic.</returns>
    public static IReadOnlyList<ScoredDocument> Fuse(int depth, params IReadOnlyList<ScoredDocument>[] rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
        {
            for (var r = 0; r < ranking.Count; r++)
            {
                scores[ranking[r].DocumentId] = scores.GetValueOrDefault(ranking[r].DocumentId) + (1.0 / (K + r + 1));
            }
        }

        return [.. scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(depth).Select(p => new ScoredDocument(p.Key, (float)p.Value))];
    }
}
