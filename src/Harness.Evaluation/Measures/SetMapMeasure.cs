using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>set_map: unranked AP: set_P times set_recall.</summary>
internal sealed class SetMapMeasure : TrecMeasure
{
    public override string Name => "set_map";

    public override IReadOnlyList<string> ValueNames { get; } = ["set_map"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        values[0] = q.NumRet > 0 && q.NumRel > 0 ? ((double)q.NumRelRet * q.NumRelRet) / ((double)q.NumRet * q.NumRel) : 0;
    }
}
