using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>recall_k: relevant in the top k divided by num_rel (0 when num_rel is 0) (m_recall.c).</summary>
internal sealed class RecallMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public RecallMeasure()
        : this(DefaultCutoffs)
    {
    }

    public override string Name => "recall";

    public override void Compute(QueryRanking q, Span<double> values)
    {
        Span<long> counts = stackalloc long[Cutoffs.Length];
        RelevantInTop(q, Cutoffs, counts);
        for (var c = 0; c < Cutoffs.Length; c++)
        {
            values[c] = q.NumRel > 0 ? (double)counts[c] / q.NumRel : 0;
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new RecallMeasure(cutoffs);
}
