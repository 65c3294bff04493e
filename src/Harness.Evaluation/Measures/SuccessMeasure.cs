using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>success_k: 1 when a relevant document is in the top k (m_success.c).</summary>
internal sealed class SuccessMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public SuccessMeasure()
        : this([1, 5, 10])
    {
    }

    public override string Name => "success";

    public override void Compute(QueryRanking q, Span<double> values)
    {
        Span<long> counts = stackalloc long[Cutoffs.Length];
        RelevantInTop(q, Cutoffs, counts);
        for (var c = 0; c < Cutoffs.Length; c++)
        {
            values[c] = counts[c] > 0 ? 1 : 0;
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new SuccessMeasure(cutoffs);
}
