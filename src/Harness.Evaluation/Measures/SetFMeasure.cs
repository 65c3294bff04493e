using Harness.Evaluation.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>set_F: (1 + beta^2) * set_P * set_recall / (beta^2 * set_P + set_recall), beta default 1 (m_set_F.c).</summary>
internal sealed class SetFMeasure(double beta, string? parameters) : TrecMeasure
{
    public SetFMeasure()
        : this(1.0, null)
    {
    }

    public override string Name => "set_F";

    public override IReadOnlyList<string> ValueNames { get; } = [MeasureParameters.Printable("set_F", parameters)];

    public override TrecMeasure WithParameters(string parameters) =>
        new SetFMeasure(MeasureParameters.FloatList(parameters)[0], parameters);

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var p = q.NumRet > 0 ? (double)q.NumRelRet / q.NumRet : 0;
        var r = q.NumRel > 0 ? (double)q.NumRelRet / q.NumRel : 0;
        var b2 = beta * beta;
        values[0] = p + r > 0 ? (b2 + 1.0) * p * r / ((b2 * p) + r) : 0;
    }
}
