using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>num_ret: retrieved documents (after -M). Summed over queries.</summary>
internal sealed class NumRetMeasure : TrecMeasure
{
    public override string Name => "num_ret";

    public override IReadOnlyList<string> ValueNames { get; } = ["num_ret"];

    public override MeasureValueKind Kind => MeasureValueKind.Count;

    public override MeasureAggregation Aggregation => MeasureAggregation.Sum;

    public override bool ZeroedForMissingQuery => true;

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = q.NumRet;
}
