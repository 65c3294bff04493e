using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>set_relative_P: num_rel_ret / min(num_ret, num_rel).</summary>
internal sealed class SetRelativePMeasure : TrecMeasure
{
    public override string Name => "set_relative_P";

    public override IReadOnlyList<string> ValueNames { get; } = ["set_relative_P"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var denominator = Math.Min(q.NumRet, q.NumRel);
        values[0] = denominator > 0 ? (double)q.NumRelRet / denominator : 0;
    }
}
