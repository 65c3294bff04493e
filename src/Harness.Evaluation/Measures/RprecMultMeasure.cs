using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// Rprec_mult_m: precision at m * num_rel documents, the cutoff being (long)(m * num_rel + 0.9) (m_Rprec_mult.c;
/// default multipliers 0.20, 0.40, ..., 2.00). A cutoff of 0 (num_rel = 0, or m * num_rel &lt; 0.1) leaves the value 0:
/// trec_eval only assigns values at cutoffs 1..num_ret or above num_ret.
/// </summary>
internal sealed class RprecMultMeasure(double[] cutoffs) : FloatCutoffMeasure(cutoffs)
{
    public RprecMultMeasure()
        : this([0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0])
    {
    }

    public override string Name => "Rprec_mult";

    public override void Compute(QueryRanking q, Span<double> values)
    {
        for (var c = 0; c < Cutoffs.Length; c++)
        {
            var cutoff = (long)((Cutoffs[c] * q.NumRel) + 0.9);
            if (cutoff <= 0)
            {
                values[c] = 0;
                continue;
            }

            long rel = 0;
            for (var i = 0; i < q.NumRet && i < cutoff; i++)
            {
                if (q.IsRelevant(i))
                {
                    rel++;
                }
            }

            values[c] = (double)rel / cutoff;
        }
    }

    protected override FloatCutoffMeasure Create(double[] cutoffs) => new RprecMultMeasure(cutoffs);
}
