using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// rbp_resid (m_rbp_resid.c): the most rbp could rise if every unjudged retrieved document (not in the qrels, or
/// judged with a negative level) had gain 1: p^num_ret + (1 - p) Σ over unjudged ranks of p^i. 0 when every retrieved
/// document is judged (the C assigns nothing then). trec_eval -c resets it to 0 for a query missing from the run.
/// </summary>
internal sealed class RbpResidMeasure : TrecMeasure
{
    private readonly double _p;

    public RbpResidMeasure()
        : this(0.9, null)
    {
    }

    private RbpResidMeasure(double p, string? parameters)
    {
        _p = p;
        ValueNames = [MeasureParameters.Printable("rbp_resid", parameters)];
    }

    public override string Name => "rbp_resid";

    public override IReadOnlyList<string> ValueNames { get; }

    public override bool UsesRelevanceLevel => false;

    public override bool ZeroedForMissingQuery => true;

    public override TrecMeasure WithParameters(string parameters)
    {
        var p = 0.9;
        foreach (var (name, value) in RbpMeasure.ParseNamedPairs(Name, parameters))
        {
            if (name == "p")
            {
                p = value;
            }
        }

        return new RbpResidMeasure(p, parameters);
    }

    public override void Compute(QueryRanking q, Span<double> values)
    {
        long unjudged = 0;
        double sum = 0, curP = 1;
        foreach (var rel in q.Rels)
        {
            if (rel < 0)
            {
                unjudged++;
                sum += curP;
            }

            curP *= _p;
        }

        values[0] = unjudged > 0 ? curP + ((1 - _p) * sum) : 0;
    }
}
