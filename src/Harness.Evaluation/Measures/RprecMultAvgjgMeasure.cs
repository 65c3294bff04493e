using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// Rprec_mult_avgjg_m (m_Rprec_mult_avgjg.c): Rprec_mult on each judgment group's judgments, averaged over the
/// query's groups. The C walks the ranking backwards, but the values it assigns are Rprec_mult's: relevant in the top
/// (long)(m * num_rel + 0.9) divided by that cutoff, 0 for a cutoff of 0.
/// </summary>
internal sealed class RprecMultAvgjgMeasure(double[] cutoffs) : FloatCutoffMeasure(cutoffs)
{
    private readonly RprecMultMeasure _rprecMult = new(cutoffs);

    public RprecMultAvgjgMeasure()
        : this([0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0])
    {
    }

    public override string Name => "Rprec_mult_avgjg";

    public override bool NeedsJudgmentGroups => true;

    public override void Compute(QueryRanking q, Span<double> values) => _rprecMult.Compute(q, values);

    protected override FloatCutoffMeasure Create(double[] cutoffs) => new RprecMultAvgjgMeasure(cutoffs);
}
