using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>set_recall: num_rel_ret / num_rel.</summary>
internal sealed class SetRecallMeasure : TrecMeasure
{
    public override string Name => "set_recall";

    public override IReadOnlyList<string> ValueNames { get; } = ["set_recall"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        values[0] = q.NumRel > 0 ? (double)q.NumRelRet / q.NumRel : 0;
    }
}
