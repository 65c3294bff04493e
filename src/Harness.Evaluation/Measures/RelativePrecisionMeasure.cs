using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>relative_P_k: relevant in the top k divided by min(k, num_rel) (m_relative_P.c).</summary>
internal sealed class RelativePrecisionMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public RelativePrecisionMeasure()
        : this(DefaultCutoffs)
    {
    }

    public override string Name => "relative_P";

    public override void Compute(QueryRanking q, Span<double> values)
    {
        Span<long> counts = stackalloc long[Cutoffs.Length];
        RelevantInTop(q, Cutoffs, counts);
        for (var c = 0; c < Cutoffs.Length; c++)
        {
            var denominator = Math.Min(Cutoffs[c], q.NumRel);
            values[c] = denominator > 0 ? (double)counts[c] / denominator : 0;
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new RelativePrecisionMeasure(cutoffs);
}
