using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>num_q: the number of queries evaluated. Summed over queries.</summary>
internal sealed class NumQMeasure : TrecMeasure
{
    public override string Name => "num_q";

    public override IReadOnlyList<string> ValueNames { get; } = ["num_q"];

    public override MeasureValueKind Kind => MeasureValueKind.Count;

    public override MeasureAggregation Aggregation => MeasureAggregation.Sum;

    public override bool PrintsPerQuery => false;

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = 1;
}
