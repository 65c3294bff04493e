using Harness.Leaderboard.Aggregation;
using Harness.Leaderboard.Comparisons;
using Harness.Statistics.Corrections;

namespace Harness.Leaderboard.Tables;

/// <summary>The wording shared by the Markdown and HTML renderings (one place for each sentence).</summary>
internal static class TableText
{
    public static string MeasureCell(MeasureSummary? m)
    {
        if (m is null)
        {
            return NumberFormat.Missing;
        }

        var e = m.OverSeeds;
        return e.Count < 2 ? NumberFormat.Value(e.Mean) : $"{NumberFormat.Value(e.Mean)} ± {NumberFormat.Value(e.HalfWidth)} (sd {NumberFormat.Value(e.StandardDeviation)})";
    }

    public static string Mark(Comparison? c) => c is null || !c.Significant ? string.Empty : c.MeanDifference > 0 ? "▲" : "▼";

    public static string CorrectionName(CorrectionMethod method) => method switch
    {
        CorrectionMethod.Holm => "Holm",
        CorrectionMethod.BenjaminiHochberg => "Benjamini-Hochberg",
        _ => "no",
    };

    public static string Explanation(LeaderboardTable t)
    {
        var level = (int)Math.Round(t.Options.ConfidenceLevel * 100);
        var lines = new List<string>
        {
            $"Ranked by {t.PrimaryMeasure} (higher is better). Each cell: mean over seeds ± half-width of the {level}% t-interval over seeds (sd: seed standard deviation); one seed gives the mean alone.",
        };
        var comparisons = t.AgainstBaseline.Count + t.Pairs.Count;
        if (t.BaselineSelector is { Count: > 0 } selector)
        {
            var baseline = string.Join(", ", selector.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
            var test = t.Options.Test == SignificanceTest.Randomization ? "randomization" : "t-test";
            lines.Add(
                $"Significance on {t.PrimaryMeasure}: each configuration against its dataset's baseline ({baseline}){(t.Options.AllPairs ? " and every pair on the same dataset" : string.Empty)}, " +
                $"paired over queries with each query's value averaged over seeds: paired randomization test ({t.Options.Permutations} permutations, seed {t.Options.Seed}) and paired t-test, both two-sided. " +
                $"{CorrectionName(t.Options.Correction)} correction of the {test} p-values across all {comparisons} comparisons of the table; " +
                $"▲/▼: significantly better/worse than the baseline (adjusted p < {t.Options.Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}). " +
                "Effect size d_z: Cohen's d for paired samples (mean of the per-query differences over their standard deviation). W/L/T: queries won, lost, tied against the baseline.");
        }
        else
        {
            lines.Add("No baseline given (matrix.json or --baseline): no significance tests.");
        }

        lines.Add("FN rate: share of the sampled negatives that are in fact relevant (false negatives), over all epochs and seeds (negatives.parquet).");
        return string.Join("\n", lines);
    }

    public static string Escape(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
