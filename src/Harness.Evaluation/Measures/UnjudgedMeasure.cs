using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// unj_k (m_unjudged.c): the fraction of the top k retrieved documents that are unjudged (not in the qrels, or judged
/// with a negative level), divided by k even when fewer were retrieved; default cutoffs 5, 10, 20. trec_eval -c
/// resets it to 0 for a query missing from the run.
/// </summary>
internal sealed class UnjudgedMeasure(long[] cutoffs) : LongCutoffMeasure(cutoffs)
{
    public UnjudgedMeasure()
        : this([5, 10, 20])
    {
    }

    public override string Name => "unj";

    public override bool UsesRelevanceLevel => false;

    public override bool ZeroedForMissingQuery => true;

    public override void Compute(QueryRanking q, Span<double> values)
    {
        var rels = q.Rels;
        long unjudged = 0;
        var c = 0;
        for (var i = 0; i < rels.Length && c < Cutoffs.Length; i++)
        {
            while (c < Cutoffs.Length && Cutoffs[c] == i)
            {
                values[c] = (double)unjudged / i;
                c++;
            }

            if (rels[i] is RelevanceValues.NonPool or RelevanceValues.Unjudged)
            {
                unjudged++;
            }
        }

        for (; c < Cutoffs.Length; c++)
        {
            values[c] = (double)unjudged / Cutoffs[c];
        }
    }

    protected override LongCutoffMeasure Create(long[] cutoffs) => new UnjudgedMeasure(cutoffs);
}
