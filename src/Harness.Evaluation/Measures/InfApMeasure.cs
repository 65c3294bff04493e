using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>infAP: inferred AP (Yilmaz and Aslam, m_infAP.c): qrels level -1 marks pooled but unjudged documents.</summary>
internal sealed class InfApMeasure : TrecMeasure
{
    public override string Name => "infAP";

    public override IReadOnlyList<string> ValueNames { get; } = ["infAP"];

    private const double Epsilon = 0.00001;

    public override void Compute(QueryRanking q, Span<double> values)
    {
        double sum = 0;
        long relSoFar = 0, nonRelSoFar = 0, unjudged = 0;
        var rels = q.Rels;
        for (var j = 0; j < rels.Length; j++)
        {
            var r = rels[j];
            if (r == RelevanceValues.NonPool)
            {
                continue;
            }

            if (r == RelevanceValues.Unjudged)
            {
                unjudged++;
                continue;
            }

            if (r >= q.RelevanceLevel)
            {
                if (j == 0)
                {
                    sum += 1.0;
                }
                else
                {
                    double fj = j;
                    sum += (1.0 / (fj + 1.0)) + ((fj / (fj + 1.0)) * ((relSoFar + nonRelSoFar + unjudged) / fj)
                        * ((relSoFar + Epsilon) / (relSoFar + nonRelSoFar + (2 * Epsilon))));
                }

                relSoFar++;
            }
            else
            {
                nonRelSoFar++;
            }
        }

        values[0] = q.NumRel > 0 ? sum / q.NumRel : 0;
    }
}
