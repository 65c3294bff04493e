using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// Rndcg (m_Rndcg.c, experimental): ndcg averaged at each rank where the ideal gain changes (and at num_ret when
/// documents remain); 0 when num_rel (at <c>-l</c>) is 0; 0/0 = NaN when no point qualifies, as in C.
/// </summary>
internal sealed class RndcgMeasure((long Level, double Gain)[] pairs, string? parameters) : GainPairMeasure(pairs, parameters)
{
    public RndcgMeasure()
        : this([], null)
    {
    }

    public override string Name => "Rndcg";

    public override bool UsesRelevanceLevel => true;

    protected override GainPairMeasure Create((long Level, double Gain)[] pairs, string parameters) => new RndcgMeasure(pairs, parameters);

    protected override double Compute(QueryRanking q, ReadOnlySpan<RelGain> gains)
    {
        if (q.NumRel == 0)
        {
            return 0.0;
        }

        var rels = q.Rels;
        double resultsDcg = 0, idealDcg = 0, sum = 0;
        long changed = 0;
        var walk = new IdealGainWalk(gains);
        var oldIdeal = walk.IdealGain;
        var i = 0;
        for (; i < rels.Length && walk.IdealGain > 0.0; i++)
        {
            var gain = GainTable.Get(rels[i], gains);
            walk.Advance();
            if (oldIdeal != walk.IdealGain)
            {
                if (idealDcg > 0.0)
                {
                    sum += resultsDcg / idealDcg;
                    changed++;
                }

                oldIdeal = walk.IdealGain;
            }

            if (gain != 0)
            {
                resultsDcg += gain / Math.Log2(i + 2);
            }

            if (walk.IdealGain > 0.0)
            {
                idealDcg += walk.IdealGain / Math.Log2(i + 2);
            }
        }

        if (i < rels.Length)
        {
            for (; i < rels.Length; i++)
            {
                var gain = GainTable.Get(rels[i], gains);
                if (gain != 0)
                {
                    resultsDcg += gain / Math.Log2(i + 2);
                }
            }

            if (idealDcg > 0.0)
            {
                sum += resultsDcg / idealDcg;
                changed++;
            }
        }

        for (; walk.IdealGain > 0.0; i++)
        {
            walk.Advance();
            if (oldIdeal != walk.IdealGain)
            {
                if (idealDcg > 0.0)
                {
                    sum += resultsDcg / idealDcg;
                    changed++;
                }

                oldIdeal = walk.IdealGain;
            }

            if (walk.IdealGain > 0.0)
            {
                idealDcg += walk.IdealGain / Math.Log2(i + 2);
            }
        }

        return sum / changed;
    }
}
