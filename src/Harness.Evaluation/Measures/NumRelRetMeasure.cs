using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>num_rel_ret: relevant retrieved documents. Summed over queries.</summary>
internal sealed class NumRelRetMeasure : TrecMeasure
{
    public override string Name => "num_rel_ret";

    public override IReadOnlyList<string> ValueNames { get; } = ["num_rel_ret"];

    public override MeasureValueKind Kind => MeasureValueKind.Count;

    public override MeasureAggregation Aggregation => MeasureAggregation.Sum;

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = q.NumRelRet;
}
