using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>A single-value measure with optional <c>level=gain</c> parameters (G, ndcg_rel, Rndcg); prints name_params.</summary>
internal abstract class GainPairMeasure : TrecMeasure
{
    private const int StackLimit = 256;

    protected GainPairMeasure((long Level, double Gain)[] pairs, string? parameters)
    {
        Pairs = pairs;
        Parameters = parameters;
        ValueNames = [MeasureParameters.Printable(Name, parameters)];
    }

    protected (long Level, double Gain)[] Pairs { get; }

    protected string? Parameters { get; }

    public override IReadOnlyList<string> ValueNames { get; }

    public override bool UsesRelevanceLevel => false;

    public override TrecMeasure WithParameters(string parameters) => Create(GainTable.ParsePairs(Name, parameters), parameters);

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var size = GainTable.Size(Pairs, q.Judged);
        var gains = size <= StackLimit ? stackalloc RelGain[size] : new RelGain[size];
        var n = GainTable.Fill(Pairs, q.Judged, gains);
        values[0] = Compute(q, gains[..n]);
    }

    protected abstract GainPairMeasure Create((long Level, double Gain)[] pairs, string parameters);

    protected abstract double Compute(QueryRanking q, ReadOnlySpan<RelGain> gains);
}
