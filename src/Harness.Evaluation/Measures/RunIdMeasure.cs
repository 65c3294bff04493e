using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>runid: the run's name, printed on the <c>all</c> line only.</summary>
internal sealed class RunIdMeasure : TrecMeasure
{
    public override string Name => "runid";

    public override IReadOnlyList<string> ValueNames { get; } = ["runid"];

    public override MeasureValueKind Kind => MeasureValueKind.Text;

    public override MeasureAggregation Aggregation => MeasureAggregation.None;

    public override bool PrintsPerQuery => false;

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = 0;
}
