using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>bpref: binary preference (m_bpref.c): judged documents only; each relevant one scores 1 - min(nonrel above, R) / min(N, R).</summary>
internal sealed class BprefMeasure : TrecMeasure
{
    public override string Name => "bpref";

    public override IReadOnlyList<string> ValueNames { get; } = ["bpref"];

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = Bpref(q);

    /// <summary>The query's bpref (also the base of gm_bpref).</summary>
    internal static double Bpref(QueryRanking q)
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

        return bpref;
    }
}
