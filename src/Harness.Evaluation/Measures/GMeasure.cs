using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// G (m_G.c, experimental): each retrieved document's gain divided by log2(2 + cost so far - gain so far), the cost
/// following the ideal gains (at least 1 per rank); normalised by the total ideal gain. Optional level=gain pairs.
/// </summary>
internal sealed class GMeasure((long Level, double Gain)[] pairs, string? parameters) : GainPairMeasure(pairs, parameters)
{
    public GMeasure()
        : this([], null)
    {
    }

    public override string Name => "G";

    protected override GainPairMeasure Create((long Level, double Gain)[] pairs, string parameters) => new GMeasure(pairs, parameters);

    protected override double Compute(QueryRanking q, ReadOnlySpan<RelGain> gains)
    {
        const double minCost = 1.0;
        var rels = q.Rels;
        double resultsG = 0, sumResults = 0, sumIdeal = 0, sumCost = 0;
        var walk = new IdealGainWalk(gains);
        var i = 0;
        for (; i < rels.Length && walk.IdealGain > 0.0; i++)
        {
            var gain = GainTable.Get(rels[i], gains);
            sumResults += gain;
            walk.Advance();
            if (walk.IdealGain > 0.0)
            {
                sumIdeal += walk.IdealGain;
            }

            sumCost += walk.IdealGain >= minCost ? walk.IdealGain : minCost;
            if (gain != 0)
            {
                resultsG += gain / Math.Log2(2 + sumCost - sumResults);
            }
        }

        for (; i < rels.Length; i++)
        {
            var gain = GainTable.Get(rels[i], gains);
            sumResults += gain;
            sumCost += minCost;
            if (gain != 0)
            {
                resultsG += gain / Math.Log2(2 + sumCost - sumResults);
            }
        }

        while (walk.IdealGain > 0.0)
        {
            walk.Advance();
            if (walk.IdealGain > 0.0)
            {
                sumIdeal += walk.IdealGain;
            }
        }

        return sumIdeal > 0.0 ? resultsG / sumIdeal : 0.0;
    }
}
