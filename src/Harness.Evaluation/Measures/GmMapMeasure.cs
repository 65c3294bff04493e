using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>gm_map: geometric mean of average precision (m_gm_map.c); the per-query value is log(max(AP, 0.00001)).</summary>
internal sealed class GmMapMeasure : TrecMeasure
{
    public override string Name => "gm_map";

    public override IReadOnlyList<string> ValueNames { get; } = ["gm_map"];

    public const double GeometricFloor = 0.00001;

    public override MeasureAggregation Aggregation => MeasureAggregation.GeometricMean;

    /// <summary>m_gm_map.c prints no query lines (te_print_single_meas_empty), only the <c>all</c> line.</summary>
    public override bool PrintsPerQuery => false;

    public override void Compute(QueryRanking q, Span<double> values) =>
        values[0] = Math.Log(Math.Max(MapMeasure.AveragePrecision(q), GeometricFloor));
}
