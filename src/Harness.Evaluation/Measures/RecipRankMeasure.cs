using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>recip_rank: reciprocal rank of the first relevant document, no cutoff (m_recip_rank.c).</summary>
internal sealed class RecipRankMeasure : TrecMeasure
{
    public override string Name => "recip_rank";

    public override IReadOnlyList<string> ValueNames { get; } = ["recip_rank"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        values[0] = 0;
        for (var i = 0; i < q.NumRet; i++)
        {
            if (q.IsRelevant(i))
            {
                values[0] = 1.0 / (i + 1);
                return;
            }
        }
    }
}
