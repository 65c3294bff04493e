using Harness.Evaluation.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>gm_map: geometric mean of average precision (m_gm_map.c); the per-query value is log(max(AP, 0.00001)).</summary>
internal sealed class GmMapMeasure : TrecMeasure
{
    public override string Name => "gm_map";

    public override IReadOnlyList<string> ValueNames { get; } = ["gm_map"];

    public const double GeometricFloor = 0.00001;

    public override MeasureAggregation Aggregation => MeasureAggregation.GeometricMean;

    public override void Compute(QueryRanking q, Span<double> values) =>
        values[0] = Math.Log(Math.Max(MapMeasure.AveragePrecision(q), GeometricFloor));
}
