using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>P_avgjg_k (m_P_avgjg.c): P_k on each judgment group's judgments, averaged over the query's groups.</summary>
internal sealed class PAvgjgMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    private readonly PrecisionMeasure _precision = new(cutoffs);

    public PAvgjgMeasure()
        : this(DefaultCutoffs)
    {
    }

    public override string Name => "P_avgjg";

    public override bool NeedsJudgmentGroups => true;

    public override void Compute(QueryRanking q, Span<double> values) => _precision.Compute(q, values);

    protected override LongCutoffMeasure Create(long[] cutoffs) => new PAvgjgMeasure(cutoffs);
}
