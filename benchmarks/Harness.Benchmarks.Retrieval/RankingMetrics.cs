using Harness.Abstractions.Datasets;
using Harness.Retrieval;

namespace Harness.Benchmarks.Retrieval;

/// <summary>
/// The one metric the benchmarks need before Harness.Evaluation exists: reciprocal rank of the first relevant
/// document within the top 10, averaged over queries (a query with no relevant document in its top 10 scores 0).
/// </summary>
internal static class RankingMetrics
{
    public static double MeanReciprocalRankAt10(IReadOnlyList<Query> queries, IReadOnlyList<IReadOnlyList<ScoredDocument>> runs, Func<string, string, bool> isRelevant)
    {
        if (queries.Count == 0)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < queries.Count; i++)
        {
            var run = runs[i];
            for (var r = 0; r < Math.Min(10, run.Count); r++)
            {
                if (isRelevant(queries[i].Id, run[r].DocumentId))
                {
                    sum += 1.0 / (r + 1);
                    break;
                }
            }
        }

        return sum / queries.Count;
    }
}
