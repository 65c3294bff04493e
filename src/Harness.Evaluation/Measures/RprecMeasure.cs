using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>Rprec: precision after num_rel documents (m_Rprec.c).</summary>
internal sealed class RprecMeasure : TrecMeasure
{
    public override string Name => "Rprec";

    public override IReadOnlyList<string> ValueNames { get; } = ["Rprec"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        long relSoFar = 0;
        for (var i = 0; i < q.NumRet && i < q.NumRel; i++)
        {
            if (q.IsRelevant(i))
            {
                relSoFar++;
            }
        }

        values[0] = q.NumRel > 0 ? (double)relSoFar / q.NumRel : 0;
    }
}
