using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>map: mean average precision (m_map.c): sum of precision at each relevant retrieved document, divided by num_rel.</summary>
internal sealed class MapMeasure : TrecMeasure
{
    public override string Name => "map";

    public override IReadOnlyList<string> ValueNames { get; } = ["map"];

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = AveragePrecision(q);

    /// <summary>The query's average precision (also the base of gm_map).</summary>
    internal static double AveragePrecision(QueryRanking q)
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

        return q.NumRel > 0 ? sum / q.NumRel : 0;
    }
}
