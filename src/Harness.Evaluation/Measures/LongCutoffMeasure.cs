namespace Harness.Evaluation.Measures;

/// <summary>A family with integer cutoffs (P, recall, ndcg_cut, ...): prints <c>name_k</c> for each cutoff.</summary>
internal abstract class LongCutoffMeasure : TrecMeasure
{
    protected LongCutoffMeasure(long[] cutoffs)
    {
        Cutoffs = cutoffs;
        ValueNames = [.. cutoffs.Select(c => Name + "_" + c.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    public static long[] DefaultCutoffs { get; } = [5, 10, 15, 20, 30, 100, 200, 500, 1000];

    public long[] Cutoffs { get; }

    public override IReadOnlyList<string> ValueNames { get; }

    public override TrecMeasure WithParameters(string parameters) => Create(MeasureParameters.LongCutoffs(parameters));

    protected abstract LongCutoffMeasure Create(long[] cutoffs);

    /// <summary>The number of relevant documents in the top min(k, num_ret) for each cutoff k.</summary>
    protected static void RelevantInTop(Internal.Ranking.QueryRanking q, long[] cutoffs, Span<long> counts)
    {
        long relSoFar = 0;
        var c = 0;
        for (var i = 0; i < q.NumRet && c < cutoffs.Length; i++)
        {
            while (c < cutoffs.Length && cutoffs[c] <= i)
            {
                counts[c++] = relSoFar;
            }

            if (q.IsRelevant(i))
            {
                relSoFar++;
            }
        }

        while (c < cutoffs.Length)
        {
            counts[c++] = relSoFar;
        }
    }
}
