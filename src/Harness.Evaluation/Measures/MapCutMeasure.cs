using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>map_cut_k: average precision over the top k, divided by the full num_rel (m_map_cut.c).</summary>
internal sealed class MapCutMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public MapCutMeasure()
        : this(DefaultCutoffs)
    {
    }

    public override string Name => "map_cut";

    public override void Compute(QueryRanking q, Span<double> values)
    {
        long relSoFar = 0;
        double sum = 0;
        var c = 0;
        for (var i = 0; i < q.NumRet && c < Cutoffs.Length; i++)
        {
            while (c < Cutoffs.Length && Cutoffs[c] <= i)
            {
                values[c++] = q.NumRel > 0 ? sum / q.NumRel : 0;
            }

            if (q.IsRelevant(i))
            {
                relSoFar++;
                sum += (double)relSoFar / (i + 1);
            }
        }

        while (c < Cutoffs.Length)
        {
            values[c++] = q.NumRel > 0 ? sum / q.NumRel : 0;
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new MapCutMeasure(cutoffs);
}
