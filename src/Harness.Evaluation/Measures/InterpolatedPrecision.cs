using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// Interpolated precision at recall levels as m_iprec_at_recall.c computes it: a level p becomes a number of relevant
/// documents lround(p * num_rel) (trec_eval 10.0 m_iprec_at_recall.c and m_11pt_avg.c; v9 added 0.9 instead); the value
/// is the highest precision at or after the rank where that many
/// relevant documents have been seen; 0 for levels never reached.
/// </summary>
internal static class InterpolatedPrecision
{
    public static void Compute(QueryRanking q, double[] percents, Span<double> values)
    {
        Span<long> cutoffs = stackalloc long[percents.Length];
        for (var i = 0; i < percents.Length; i++)
        {
            cutoffs[i] = (long)Math.Round(percents[i] * q.NumRel, MidpointRounding.AwayFromZero);
        }

        var current = percents.Length - 1;
        while (current >= 0 && cutoffs[current] > q.NumRelRet)
        {
            values[current] = 0.0;
            current--;
        }

        var relSoFar = q.NumRelRet;
        // As in C: with nothing retrieved (-M 0, or -J leaving nothing) this is 0.0 / 0.0 = NaN, and levels whose
        // cutoff is 0 relevant documents take it (printed -nan).
        var interpolated = (double)relSoFar / q.NumRet;
        for (var i = q.NumRet; i > 0 && relSoFar > 0; i--)
        {
            var precision = (double)relSoFar / i;
            if (interpolated < precision)
            {
                interpolated = precision;
            }

            if (q.IsRelevant(i - 1))
            {
                while (current >= 0 && relSoFar == cutoffs[current])
                {
                    values[current] = interpolated;
                    current--;
                }

                relSoFar--;
            }
        }

        while (current >= 0)
        {
            values[current] = interpolated;
            current--;
        }
    }
}
