using Harness.Evaluation.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// utility with coefficients a,b,c,d (default 1,-1,0,0): a*rel_ret + b*nonrel_ret + c*rel_nonret
/// + d*(-N docs - num_ret - num_rel + rel_ret) (m_utility.c). With parameters it prints <c>utility_a,b,c,d</c>.
/// </summary>
internal sealed class UtilityMeasure(double[] coefficients, string? parameters) : TrecMeasure
{
    public UtilityMeasure()
        : this([1, -1, 0, 0], null)
    {
    }

    public override string Name => "utility";

    public override IReadOnlyList<string> ValueNames { get; } = [MeasureParameters.Printable("utility", parameters)];

    public override TrecMeasure WithParameters(string parameters)
    {
        var c = MeasureParameters.FloatList(parameters);
        if (c.Length != 4)
        {
            throw new EvaluationException($"utility needs 4 coefficients a,b,c,d (got '{parameters}')", ExitCodes.Usage);
        }

        return new UtilityMeasure(c, parameters);
    }

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var relRet = q.NumRelRet;
        var nonRelRet = q.NumRet - q.NumRelRet;
        var relNonRet = q.NumRel - q.NumRelRet;
        var nonRelNonRet = q.Options.DocumentsInCollection - q.NumRet - q.NumRel + q.NumRelRet;
        values[0] = (coefficients[0] * relRet) + (coefficients[1] * nonRelRet) + (coefficients[2] * relNonRet)
            + (coefficients[3] == 0 ? 0 : coefficients[3] * nonRelNonRet);
    }
}
