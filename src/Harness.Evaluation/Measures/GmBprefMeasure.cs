using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>gm_bpref: geometric mean of bpref (m_gm_bpref.c); the per-query value is log(max(bpref, 0.00001)).</summary>
internal sealed class GmBprefMeasure : TrecMeasure
{
    public override string Name => "gm_bpref";

    public override IReadOnlyList<string> ValueNames { get; } = ["gm_bpref"];

    public override MeasureAggregation Aggregation => MeasureAggregation.GeometricMean;

    /// <summary>m_gm_bpref.c prints no query lines (te_print_single_meas_empty), only the <c>all</c> line.</summary>
    public override bool PrintsPerQuery => false;

    public override void Compute(QueryRanking q, Span<double> values) =>
        values[0] = Math.Log(Math.Max(BprefMeasure.Bpref(q), GmMapMeasure.GeometricFloor));
}
