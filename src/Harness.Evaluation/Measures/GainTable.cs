using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// trec_eval's per-query gain table for the <c>level=gain</c> measures (G, ndcg_rel, Rndcg): the parameter pairs in
/// the order given, then every judged level 0..max not named, with gain = level; each with its number of judged
/// documents; sorted by increasing gain with C's comparator <c>(int)(gain1 - gain2)</c> (a stable sort here).
/// </summary>
internal static class GainTable
{
    /// <summary>get_param_pairs (meas_init.c): <c>name=value,...</c>, name read with atol, value with atof.</summary>
    public static (long Level, double Gain)[] ParsePairs(string measure, string parameters)
    {
        var parts = parameters.Split(',');
        var pairs = new (long, double)[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || parts[i].IndexOf('=', eq + 1) >= 0)
            {
                throw new EvaluationException(
                    $"malformed pair parameters in '{parameters}' (trec_eval: Cannot initialize measure '{measure}')", EvaluationError.InvalidParameters);
            }

            pairs[i] = (CNumber.Atol(parts[i][..eq]), CNumber.Atof(parts[i][(eq + 1)..]));
        }

        return pairs;
    }

    /// <summary>The number of entries <see cref="Fill"/> needs.</summary>
    public static int Size((long Level, double Gain)[] pairs, JudgedQuery judged) => pairs.Length + NumRelLevels(judged);

    /// <summary>setup_gains: fills <paramref name="gains"/> (at least <see cref="Size"/> long) and returns the count.</summary>
    public static int Fill((long Level, double Gain)[] pairs, JudgedQuery judged, Span<RelGain> gains)
    {
        var n = 0;
        foreach (var (level, gain) in pairs)
        {
            gains[n++] = new RelGain { Level = level, Gain = gain, NumAtLevel = 0 };
        }

        var levels = judged.Levels;
        var counts = judged.LevelCounts;
        var numRelLevels = NumRelLevels(judged);
        var k = 0;
        for (long i = 0; i < numRelLevels; i++)
        {
            long count = 0;
            while (k < levels.Length && levels[k] < i)
            {
                k++;
            }

            if (k < levels.Length && levels[k] == i)
            {
                count = counts[k];
            }

            var j = 0;
            while (j < pairs.Length && gains[j].Level != i)
            {
                j++;
            }

            if (j < pairs.Length)
            {
                gains[j].NumAtLevel = count;
            }
            else
            {
                gains[n++] = new RelGain { Level = i, Gain = i, NumAtLevel = count };
            }
        }

        // Stable insertion sort by the C comparator (int)(a.Gain - b.Gain).
        for (var i = 1; i < n; i++)
        {
            var x = gains[i];
            var j = i - 1;
            while (j >= 0 && (int)(gains[j].Gain - x.Gain) > 0)
            {
                gains[j + 1] = gains[j];
                j--;
            }

            gains[j + 1] = x;
        }

        return n;
    }

    /// <summary>get_gain: the first entry for the level, else 0 (also for -1 not in the qrels / -2 unjudged).</summary>
    public static double Get(long rel, ReadOnlySpan<RelGain> gains)
    {
        foreach (var g in gains)
        {
            if (g.Level == rel)
            {
                return g.Gain;
            }
        }

        return 0.0;
    }

    /// <summary>form_res_rels' num_rel_levels: the highest judged level (&gt;= 0) plus one, 0 with none.</summary>
    private static int NumRelLevels(JudgedQuery judged)
    {
        var levels = judged.Levels;
        return levels.Length == 0 ? 0 : levels[^1] + 1;
    }
}
