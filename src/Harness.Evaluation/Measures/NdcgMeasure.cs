using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// ndcg over the whole ranking (m_ndcg.c): gain = the qrels level unless overridden with <c>-m ndcg.level=gain,...</c>
/// (levels not named keep gain = level), discount log2(rank + 1); the ideal ranking holds every judged document with
/// gain &gt; 0, retrieved or not; <c>-l</c> is ignored. With parameters it prints <c>ndcg_params</c>.
/// </summary>
internal sealed class NdcgMeasure(Dictionary<long, double> gains, string? parameters) : TrecMeasure
{
    public NdcgMeasure()
        : this([], null)
    {
    }

    public override string Name => "ndcg";

    public override IReadOnlyList<string> ValueNames { get; } = [MeasureParameters.Printable("ndcg", parameters)];

    public override bool UsesRelevanceLevel => false;

    public override TrecMeasure WithParameters(string parameters)
    {
        var map = new Dictionary<long, double>();
        foreach (var pair in parameters.Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new EvaluationException($"ndcg parameters are level=gain pairs (got '{parameters}')", EvaluationError.InvalidMeasure);
            }

            map[CNumber.Atol(pair[..eq])] = CNumber.Atof(pair[(eq + 1)..]);
        }

        return new NdcgMeasure(map, parameters);
    }

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var rels = q.Rels;
        double dcg = 0;
        for (var i = 0; i < rels.Length; i++)
        {
            var gain = Gain(rels[i]);
            if (gain != 0)
            {
                dcg += gain / Math.Log2(i + 2);
            }
        }

        // Ideal: judged documents by gain, highest first.
        var levels = q.Judged.Levels;
        var counts = q.Judged.LevelCounts;
        Span<(double Gain, int Count)> byGain = stackalloc (double, int)[levels.Length];
        for (var l = 0; l < levels.Length; l++)
        {
            byGain[l] = (Gain(levels[l]), counts[l]);
        }

        byGain.Sort(static (a, b) => b.Gain.CompareTo(a.Gain));
        double ideal = 0;
        long rank = 0;
        foreach (var (gain, count) in byGain)
        {
            if (gain <= 0)
            {
                break;
            }

            for (var k = 0; k < count; k++)
            {
                ideal += gain / Math.Log2(rank + 2);
                rank++;
            }
        }

        values[0] = ideal > 0 ? dcg / ideal : 0;
    }

    private double Gain(int level)
    {
        if (level < 0)
        {
            return 0;
        }

        return gains.TryGetValue(level, out var g) ? g : level;
    }
}
