using Harness.Evaluation.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>11pt_avg: the mean of interpolated precision at the recall levels (default 0.0, 0.1, ..., 1.0) (m_11pt_avg.c).</summary>
internal sealed class ElevenPointAverageMeasure(double[] levels, string? parameters) : TrecMeasure
{
    public ElevenPointAverageMeasure()
        : this(IprecAtRecallMeasure.ElevenPoints, null)
    {
    }

    public override string Name => "11pt_avg";

    public override IReadOnlyList<string> ValueNames { get; } = [MeasureParameters.Printable("11pt_avg", parameters)];

    public override TrecMeasure WithParameters(string parameters) =>
        new ElevenPointAverageMeasure(MeasureParameters.FloatCutoffs(parameters), parameters);

    public override void Compute(QueryRanking q, Span<double> values)
    {
        Span<double> at = stackalloc double[levels.Length];
        InterpolatedPrecision.Compute(q, levels, at);
        double sum = 0;
        foreach (var v in at)
        {
            sum += v;
        }

        values[0] = levels.Length > 0 ? sum / levels.Length : 0;
    }
}
