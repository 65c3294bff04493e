using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// binG (m_binG.c, experimental): over the relevant retrieved documents, 1 / log2(2 + non-relevant retrieved before
/// it), divided by num_rel; 0 when nothing relevant is retrieved.
/// </summary>
internal sealed class BinGMeasure : TrecMeasure
{
    public override string Name => "binG";

    public override IReadOnlyList<string> ValueNames { get; } = ["binG"];

    public override void Compute(QueryRanking q, Span<double> values)
    {
        long relSoFar = 0;
        double sum = 0;
        for (var i = 0; i < q.NumRet; i++)
        {
            if (q.IsRelevant(i))
            {
                relSoFar++;
                sum += 1.0 / Math.Log2(3 + i - relSoFar);
            }
        }

        values[0] = relSoFar > 0 ? sum / q.NumRel : 0.0;
    }
}
