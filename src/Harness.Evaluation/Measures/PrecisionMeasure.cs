using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>P_k: relevant in the top k divided by k, even when fewer than k were retrieved (m_P.c).</summary>
internal sealed class PrecisionMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public PrecisionMeasure()
        : this(DefaultCutoffs)
    {
    }

    public override string Name => "P";

    public override void Compute(QueryRanking q, Span<double> values)
    {
        Span<long> counts = stackalloc long[Cutoffs.Length];
        RelevantInTop(q, Cutoffs, counts);
        for (var c = 0; c < Cutoffs.Length; c++)
        {
            values[c] = (double)counts[c] / Cutoffs[c];
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new PrecisionMeasure(cutoffs);
}
