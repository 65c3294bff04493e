using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>num_rel: judged documents at or above the relevance level. Summed over queries.</summary>
internal sealed class NumRelMeasure : TrecMeasure
{
    public override string Name => "num_rel";

    public override IReadOnlyList<string> ValueNames { get; } = ["num_rel"];

    public override MeasureValueKind Kind => MeasureValueKind.Count;

    public override MeasureAggregation Aggregation => MeasureAggregation.Sum;

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = q.NumRel;
}
