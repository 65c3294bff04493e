using Harness.Evaluation.Output;

namespace Harness.Evaluation.Measures;

/// <summary>A family with real cutoffs (iprec_at_recall, Rprec_mult): prints <c>name_%3.2f</c> for each.</summary>
internal abstract class FloatCutoffMeasure : TrecMeasure
{
    protected FloatCutoffMeasure(double[] cutoffs)
    {
        Cutoffs = cutoffs;
        ValueNames = [.. cutoffs.Select(c => Name + "_" + CFormat.Fixed(c, 2, 3))];
    }

    public double[] Cutoffs { get; }

    public override IReadOnlyList<string> ValueNames { get; }

    public override TrecMeasure WithParameters(string parameters) => Create(MeasureParameters.FloatCutoffs(parameters));

    protected abstract FloatCutoffMeasure Create(double[] cutoffs);
}
