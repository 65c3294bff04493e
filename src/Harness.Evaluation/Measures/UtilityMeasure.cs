using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// utility with coefficients a,b,c,d (default 1,-1,0,0): a*rel_ret + b*(num_ret - rel_ret) + c*(num_rel - rel_ret)
/// + d*(N + rel_ret - num_ret - num_rel), N being <c>-N</c> (default 0) (m_utility.c). With parameters it prints
/// <c>utility_a,b,c,d</c>. A parameter list without exactly 4 values fails when computed (trec_eval exit 4).
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
        return new UtilityMeasure(MeasureParameters.FloatList(parameters), parameters);
    }

    /// <summary>trec_eval resets only the value named exactly "utility" (default parameters) for a -c missing query.</summary>
    public override bool ZeroedForMissingQuery => parameters is null;

    public override void Compute(QueryRanking q, Span<double> values)
    {
        if (coefficients.Length != 4)
        {
            throw new EvaluationException(
                "trec_eval.calc_utility: improper number of coefficients (utility needs a,b,c,d)", EvaluationError.CannotCalculate);
        }

        // Same operands and order of operations as m_utility.c (all terms added, even with a zero coefficient).
        values[0] = (coefficients[0] * q.NumRelRet)
            + (coefficients[1] * (q.NumRet - q.NumRelRet))
            + (coefficients[2] * (q.NumRel - q.NumRelRet))
            + (coefficients[3] * (q.Options.DocumentsInCollection + q.NumRelRet - q.NumRet - q.NumRel));
    }
}
