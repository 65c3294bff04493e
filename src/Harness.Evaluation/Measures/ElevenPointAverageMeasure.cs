using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// 11pt_avg: the mean of interpolated precision at the recall levels (default 0.0, 0.1, ..., 1.0) (m_11pt_avg.c). The
/// levels are plain parameters (get_double_params): kept in the given order, repeats allowed, summed in the order
/// trec_eval consumes them (last to first).
/// </summary>
internal sealed class ElevenPointAverageMeasure(double[] levels, string? parameters) : TrecMeasure
{
    public ElevenPointAverageMeasure()
        : this(IprecAtRecallMeasure.ElevenPoints, null)
    {
    }

    public override string Name => "11pt_avg";

    public override IReadOnlyList<string> ValueNames { get; } = [MeasureParameters.Printable("11pt_avg", parameters)];

    public override TrecMeasure WithParameters(string parameters) =>
        new ElevenPointAverageMeasure(MeasureParameters.FloatList(parameters), parameters);

    public override void Compute(QueryRanking q, Span<double> values)
    {
        Span<double> at = stackalloc double[levels.Length];
        InterpolatedPrecision.Compute(q, levels, at);
        double sum = 0;
        for (var i = at.Length - 1; i >= 0; i--)
        {
            sum += at[i];
        }

        values[0] = levels.Length > 0 ? sum / levels.Length : 0;
    }
}
