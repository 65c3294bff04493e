using Harness.Abstractions.Datasets;
using Harness.Abstractions.Rerankers;

namespace Harness.Plugins.Rerankers;

/// <summary>
/// Reciprocal-rank fusion (Cormack, Clarke and Büttcher, 2009): <c>RRF(d) = Σ_{lists L that rank d} 1/(k + r_L(d))</c>
/// with r the 1-based rank in L (<see cref="FirstStageHit.Rank"/> + 1) and k = 60 in the paper. Only ranks count, not
/// scores, so a dense and a BM25 list fuse without score normalisation. A candidate missing from a list gets nothing
/// from it. Without first-stage hits (<see cref="Score(Query, IReadOnlyList{Document})"/>), the candidates' order is
/// the one list: the ranking is kept.
/// </summary>
/// <param name="k">The constant k ≥ 0.</param>
/// <param name="sources">The first-stage lists to fuse, by name (for example <c>dense</c> and <c>bm25</c>).</param>
public sealed class ReciprocalRankFusionReranker(double k, IReadOnlyList<string> sources) : IReranker
{
    /// <summary>The lists fused.</summary>
    public IReadOnlyList<string> Sources { get; } = sources;

    /// <inheritdoc />
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = 1.0 / (k + i + 1);
        }

        return scores;
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Score(RerankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scores = new double[request.Candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var hits = request.Candidates[i].Hits;
            var score = 0.0;
            foreach (var source in Sources)
            {
                if (hits.TryGetValue(source, out var hit))
                {
                    score += 1.0 / (k + hit.Rank + 1);
                }
            }

            scores[i] = score;
        }

        return scores;
    }
}
