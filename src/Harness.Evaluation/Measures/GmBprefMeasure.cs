using Harness.Evaluation.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>gm_bpref: geometric mean of bpref (m_gm_bpref.c); the per-query value is log(max(bpref, 0.00001)).</summary>
internal sealed class GmBprefMeasure : TrecMeasure
{
    public override string Name => "gm_bpref";

    public override IReadOnlyList<string> ValueNames { get; } = ["gm_bpref"];

    public override MeasureAggregation Aggregation => MeasureAggregation.GeometricMean;

    public override void Compute(QueryRanking q, Span<double> values)
    {
        long nonRelSoFar = 0;
        double bpref = 0;
        var nonRel = q.NumNonRel;
        var rels = q.Rels;
        for (var i = 0; i < rels.Length; i++)
        {
            if (rels[i] < 0)
            {
                continue;
            }

            if (rels[i] < q.RelevanceLevel)
            {
                nonRelSoFar++;
            }
            else if (nonRelSoFar > 0)
            {
                bpref += 1.0 - ((double)Math.Min(nonRelSoFar, q.NumRel) / Math.Min(nonRel, q.NumRel));
            }
            else
            {
                bpref += 1.0;
            }
        }

        if (q.NumRel > 0)
        {
            bpref /= q.NumRel;
        }

        values[0] = Math.Log(Math.Max(bpref, GmMapMeasure.GeometricFloor));
    }
}
