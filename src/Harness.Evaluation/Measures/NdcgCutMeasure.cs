using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>ndcg_cut_k: nDCG over the top k with gain = qrels level, discount log2(rank + 1); the ideal ranking holds every judged document with level > 0; -l is ignored (m_ndcg_cut.c).</summary>
internal sealed class NdcgCutMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public NdcgCutMeasure()
        : this(DefaultCutoffs)
    {
    }

    public override string Name => "ndcg_cut";

    public override bool UsesRelevanceLevel => false;

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var rels = q.Rels;
        double dcg = 0;
        var c = 0;
        Span<double> dcgAt = stackalloc double[Cutoffs.Length];
        for (var i = 0; i < rels.Length && c < Cutoffs.Length; i++)
        {
            while (c < Cutoffs.Length && Cutoffs[c] <= i)
            {
                dcgAt[c++] = dcg;
            }

            if (rels[i] > 0)
            {
                dcg += rels[i] / Math.Log2(i + 2);
            }
        }

        while (c < Cutoffs.Length)
        {
            dcgAt[c++] = dcg;
        }

        // Ideal DCG at each cutoff: levels from the highest down.
        var levels = q.Judged.Levels;
        var counts = q.Judged.LevelCounts;
        double ideal = 0;
        c = 0;
        long rank = 0;
        for (var l = levels.Length - 1; l >= 0 && levels[l] > 0 && c < Cutoffs.Length; l--)
        {
            for (var k = 0; k < counts[l] && c < Cutoffs.Length; k++)
            {
                while (c < Cutoffs.Length && Cutoffs[c] <= rank)
                {
                    values[c] = ideal > 0 ? dcgAt[c] / ideal : 0;
                    c++;
                }

                ideal += levels[l] / Math.Log2(rank + 2);
                rank++;
            }
        }

        while (c < Cutoffs.Length)
        {
            values[c] = ideal > 0 ? dcgAt[c] / ideal : 0;
            c++;
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new NdcgCutMeasure(cutoffs);
}
