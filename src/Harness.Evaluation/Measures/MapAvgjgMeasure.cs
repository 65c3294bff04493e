using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// map_avgjg (m_map_avgjg.c): map computed on each judgment group's judgments, averaged over the query's groups. Needs
/// qrels_jg judgments (<c>-R qrels_jg</c>); <see cref="Evaluator"/> computes it per group and averages.
/// </summary>
internal sealed class MapAvgjgMeasure : TrecMeasure
{
    public override string Name => "map_avgjg";

    public override IReadOnlyList<string> ValueNames { get; } = ["map_avgjg"];

    public override bool NeedsJudgmentGroups => true;

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = MapMeasure.AveragePrecision(q);
}
