using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// rbp (m_rbp.c): rank-biased precision (1 - p) Σ gain(rank i) p^i, p = 0.9 unless <c>-m rbp.p=X</c>. Gains come
/// from trec_eval's setup_gains (level = gain unless <c>level=gain</c> pairs say otherwise) and are rescaled to [0, 1]
/// by (g - min) / (max - min) when any lies outside. m_rbp.c reads <c>min</c> and <c>max</c> uninitialised (undefined
/// behaviour: a -O2 build of 10.0 prints other numbers); here they start at +∞ / −∞, i.e. the minimum and maximum over
/// the gain table, which is the intended semantics and what trec_eval's own expected outputs (an unoptimised build) show.
/// </summary>
internal sealed class RbpMeasure : TrecMeasure
{
    private readonly double _p;
    private readonly (long Level, double Gain)[] _gainPairs;

    public RbpMeasure()
        : this(0.9, [], null)
    {
    }

    private RbpMeasure(double p, (long Level, double Gain)[] gainPairs, string? parameters)
    {
        _p = p;
        _gainPairs = gainPairs;
        ValueNames = [MeasureParameters.Printable("rbp", parameters)];
    }

    public override string Name => "rbp";

    public override IReadOnlyList<string> ValueNames { get; }

    public override bool UsesRelevanceLevel => false;

    public override TrecMeasure WithParameters(string parameters)
    {
        var p = 0.9;
        var gains = new List<(long, double)>();
        foreach (var (name, value) in ParseNamedPairs(Name, parameters))
        {
            // m_rbp.c takes the last "p" pair; gain_init.c setup_gains keeps only the pairs whose name is an integer.
            if (name == "p")
            {
                p = value;
            }
            else if (IsCInteger(name))
            {
                gains.Add((CNumber.Atol(name), value));
            }
        }

        return new RbpMeasure(p, [.. gains], parameters);
    }

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var size = GainTable.Size(_gainPairs, q.Judged);
        var gains = size <= 256 ? stackalloc RelGain[size] : new RelGain[size];
        var n = GainTable.Fill(_gainPairs, q.Judged, gains);
        gains = gains[..n];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var g in gains)
        {
            min = Math.Min(min, g.Gain);
            max = Math.Max(max, g.Gain);
        }

        if (min < 0 || max > 1)
        {
            for (var i = 0; i < gains.Length; i++)
            {
                gains[i].Gain = (gains[i].Gain - min) / (max - min);
            }
        }

        double sum = 0, curP = 1;
        foreach (var rel in q.Rels)
        {
            var gain = GainTable.Get(rel, gains);
            if (gain != 0)
            {
                sum += gain * curP;
            }

            curP *= _p;
        }

        values[0] = (1.0 - _p) * sum;
    }

    /// <summary>meas_init.c get_param_pairs: <c>name=value,...</c>, value read with atof.</summary>
    internal static (string Name, double Value)[] ParseNamedPairs(string measure, string parameters)
    {
        var parts = parameters.Split(',');
        var pairs = new (string, double)[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || parts[i].IndexOf('=', eq + 1) >= 0)
            {
                throw new EvaluationException(
                    $"malformed pair parameters in '{parameters}' (trec_eval: Cannot initialize measure '{measure}')", EvaluationError.InvalidParameters);
            }

            pairs[i] = (parts[i][..eq], CNumber.Atof(parts[i][(eq + 1)..]));
        }

        return pairs;
    }

    /// <summary>gain_init.c valid_int: optional sign, then one or more digits and nothing else.</summary>
    private static bool IsCInteger(string s)
    {
        var t = s.AsSpan();
        if (t.Length > 0 && t[0] is '-' or '+')
        {
            t = t[1..];
        }

        return t.Length > 0 && !t.ContainsAnyExceptInRange('0', '9');
    }
}
