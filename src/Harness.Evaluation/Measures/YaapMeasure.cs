using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// yaap (m_yaap.c, Robertson's smoothed AP): log((1 + s) / (1 + num_rel - s)), s the sum of precision at each relevant
/// retrieved document. In trec_eval's table but not in all_trec.
/// </summary>
internal sealed class YaapMeasure : TrecMeasure
{
    public override string Name => "yaap";

    public override IReadOnlyList<string> ValueNames { get; } = ["yaap"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        long relSoFar = 0;
        double sum = 0;
        for (var i = 0; i < q.NumRet; i++)
        {
            if (q.IsRelevant(i))
            {
                relSoFar++;
                sum += (double)relSoFar / (i + 1);
            }
        }

        values[0] = Math.Log((1.0 + sum) / (1.0 + (double)q.NumRel - sum));
    }
}
