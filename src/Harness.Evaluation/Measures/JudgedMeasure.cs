using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>Judged_k: documents in the top k that are in the qrels (any level), divided by k (ir_measures Judged@k; not a trec_eval measure).</summary>
internal sealed class JudgedMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public JudgedMeasure()
        : this([10])
    {
    }

    public override string Name => "Judged";

    public override bool UsesRelevanceLevel => false;

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var rels = q.Rels;
        var c = 0;
        long judged = 0;
        for (var i = 0; i < rels.Length && c < Cutoffs.Length; i++)
        {
            while (c < Cutoffs.Length && Cutoffs[c] <= i)
            {
                values[c] = (double)judged / Cutoffs[c];
                c++;
            }

            if (rels[i] != RelevanceValues.NonPool)
            {
                judged++;
            }
        }

        while (c < Cutoffs.Length)
        {
            values[c] = (double)judged / Cutoffs[c];
            c++;
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new JudgedMeasure(cutoffs);
}
