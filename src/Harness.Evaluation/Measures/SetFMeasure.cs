using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// set_F: (x + 1) * P * R / (x * P + R) with the parameter x used as given, not squared (m_set_F.c; default 1); 0 when
/// nothing relevant is retrieved.
/// </summary>
internal sealed class SetFMeasure(double x, string? parameters) : TrecMeasure
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
        if (q.NumRelRet == 0)
        {
            values[0] = 0;
            return;
        }

        var p = (double)q.NumRelRet / q.NumRet;
        var r = (double)q.NumRelRet / q.NumRel;
        values[0] = (x + 1.0) * p * r / ((x * p) + r);
    }
}
