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
        // m_Rprec_mult.c, step for step: cutoffs above num_ret get num_rel_ret / cutoff; then a walk back from the last
        // retrieved document assigns precision at each cutoff reached while relevant documents remain. The walk
        // decrements on the rank's value >= -l while it starts from num_rel_ret (judged documents only), which differs
        // from counting forward only for a negative -l.
        values.Clear();
        Span<long> cutoffs = stackalloc long[Cutoffs.Length];
        for (var c = 0; c < Cutoffs.Length; c++)
        {
            cutoffs[c] = (long)((Cutoffs[c] * q.NumRel) + 0.9);
        }

        var current = cutoffs.Length - 1;
        while (current >= 0 && cutoffs[current] > q.NumRet)
        {
            values[current] = (double)q.NumRelRet / cutoffs[current];
            current--;
        }

        var relSoFar = q.NumRelRet;
        for (long i = q.NumRet; i > 0 && relSoFar > 0; i--)
        {
            var precision = (double)relSoFar / i;
            while (current >= 0 && i == cutoffs[current])
            {
                values[current] = precision;
                current--;
            }

            if (q.IsRelevant((int)(i - 1)))
            {
                relSoFar--;
            }
        }
    }

    protected override FloatCutoffMeasure Create(double[] cutoffs) => new RprecMultMeasure(cutoffs);
}
