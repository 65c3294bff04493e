using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>num_nonrel_judged_ret: retrieved documents judged non-relevant (level >= 0, below the relevance level). Summed over queries.</summary>
internal sealed class NumNonrelJudgedRetMeasure : TrecMeasure
{
    public override string Name => "num_nonrel_judged_ret";

    public override IReadOnlyList<string> ValueNames { get; } = ["num_nonrel_judged_ret"];

    public override MeasureValueKind Kind => MeasureValueKind.Count;

    public override MeasureAggregation Aggregation => MeasureAggregation.Sum;

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = q.NumRet - q.NumRelRet - q.NumNonPool - q.NumUnjudgedInPool;
}
