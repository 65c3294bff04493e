using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>iprec_at_recall_p: interpolated precision at recall levels (default 0.00, 0.10, ..., 1.00).</summary>
internal sealed class IprecAtRecallMeasure(double[] cutoffs) : FloatCutoffMeasure(cutoffs)
{
    public IprecAtRecallMeasure()
        : this(ElevenPoints)
    {
    }

    public static double[] ElevenPoints { get; } = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    public override string Name => "iprec_at_recall";

    public override void Compute(QueryRanking q, Span<double> values) => InterpolatedPrecision.Compute(q, Cutoffs, values);

    protected override FloatCutoffMeasure Create(double[] cutoffs) => new IprecAtRecallMeasure(cutoffs);
}
