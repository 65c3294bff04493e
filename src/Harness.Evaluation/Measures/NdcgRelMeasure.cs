using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// ndcg_rel (m_ndcg_rel.c, experimental): ndcg averaged over the relevant documents (ideal gain &gt; 0); one not
/// retrieved counts the final DCG / ideal DCG. Optional level=gain pairs.
/// </summary>
internal sealed class NdcgRelMeasure((long Level, double Gain)[] pairs, string? parameters) : GainPairMeasure(pairs, parameters)
{
    public NdcgRelMeasure()
        : this([], null)
    {
    }

    public override string Name => "ndcg_rel";

    protected override GainPairMeasure Create((long Level, double Gain)[] pairs, string parameters) => new NdcgRelMeasure(pairs, parameters);

    protected override double Compute(QueryRanking q, ReadOnlySpan<RelGain> gains)
    {
        var rels = q.Rels;
        double resultsDcg = 0, idealDcg = 0, sum = 0;
        long numRelRet = 0, numRel = 0;
        var walk = new IdealGainWalk(gains);
        var i = 0;
        for (; i < rels.Length && walk.IdealGain > 0.0; i++)
        {
            var gain = GainTable.Get(rels[i], gains);
            if (gain != 0)
            {
                resultsDcg += gain / Math.Log2(i + 2);
            }

            walk.Advance();
            if (walk.IdealGain > 0.0)
            {
                numRel++;
                idealDcg += walk.IdealGain / Math.Log2(i + 2);
            }

            if (gain > 0)
            {
                sum += resultsDcg / idealDcg;
                numRelRet++;
            }
        }

        for (; i < rels.Length; i++)
        {
            var gain = GainTable.Get(rels[i], gains);
            if (gain != 0)
            {
                resultsDcg += gain / Math.Log2(i + 2);
            }

            if (gain > 0)
            {
                sum += resultsDcg / idealDcg;
                numRelRet++;
            }
        }

        for (; walk.IdealGain > 0.0; i++)
        {
            walk.Advance();
            if (walk.IdealGain > 0.0)
            {
                numRel++;
                idealDcg += walk.IdealGain / Math.Log2(i + 2);
            }
        }

        sum += (double)(numRel - numRelRet) * resultsDcg / idealDcg;
        return sum > 0.0 ? sum / numRel : 0.0;
    }
}
