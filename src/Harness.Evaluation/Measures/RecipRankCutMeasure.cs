using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>RR_k: reciprocal rank of the first relevant document within the top k (ir_measures RR@k; not a trec_eval measure).</summary>
internal sealed class RecipRankCutMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public RecipRankCutMeasure()
        : this([10])
    {
    }

    public override string Name => "RR";

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var first = long.MaxValue;
        for (var i = 0; i < q.NumRet; i++)
        {
            if (q.IsRelevant(i))
            {
                first = i + 1;
                break;
            }
        }

        for (var c = 0; c < Cutoffs.Length; c++)
        {
            values[c] = first <= Cutoffs[c] ? 1.0 / first : 0;
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new RecipRankCutMeasure(cutoffs);
}
