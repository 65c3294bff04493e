using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>set_P: num_rel_ret / num_ret.</summary>
internal sealed class SetPMeasure : TrecMeasure
{
    public override string Name => "set_P";

    public override IReadOnlyList<string> ValueNames { get; } = ["set_P"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        values[0] = q.NumRet > 0 ? (double)q.NumRelRet / q.NumRet : 0;
    }
}
