using System.Text;
using Harness.Leaderboard.Aggregation;

namespace Harness.Leaderboard.Tables;

/// <summary>Renders <c>leaderboard.md</c>: one table per dataset, pairs on request, cells left out, notes, citations, plots.</summary>
public static class MarkdownRenderer
{
    /// <summary>Renders the table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="plots">The plots to link (under <c>plots/</c>).</param>
    /// <returns>Markdown text, <c>\n</c> line ends.</returns>
    public static string Render(LeaderboardTable table, IReadOnlyList<PlotFile> plots)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plots);
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');

        Line($"# Leaderboard: {table.Name}");
        Line();
        foreach (var line in TableText.Explanation(table).Split('\n'))
        {
            Line(line);
            Line();
        }

        var hasNegatives = table.Rows.Any(r => r.Negatives is not null);
        foreach (var dataset in table.Rows.Select(r => r.Key.Dataset).Distinct())
        {
            Line($"## {dataset}");
            Line();
            var header = new List<string> { "#", "configuration", "seeds" };
            header.AddRange(table.Measures.Select(m => m == table.PrimaryMeasure ? $"**{m}**" : m));
            var withBaseline = table.Baselines.ContainsKey(dataset);
            if (withBaseline)
            {
                header.AddRange(["", $"Δ {table.PrimaryMeasure}", "p rand.", "p t-test", "p adj.", "d_z", "W/L/T"]);
            }

            if (hasNegatives)
            {
                header.Add("FN rate");
            }

            Line("| " + string.Join(" | ", header) + " |");
            Line("|" + string.Concat(header.Select((h, i) => i is 1 ? ":---|" : "---:|")));
            var rank = 0;
            foreach (var row in table.Rows.Where(r => r.Key.Dataset == dataset))
            {
                rank++;
                var cells = new List<string> { rank.ToString(System.Globalization.CultureInfo.InvariantCulture), TableText.Escape(table.NameOf(row.Key)), SeedsCell(row, table) };
                cells.AddRange(table.Measures.Select(m => TableText.MeasureCell(row.Measures.GetValueOrDefault(m))));
                if (withBaseline)
                {
                    if (table.Baselines[dataset] == row.Key)
                    {
                        cells.AddRange(["baseline", "", "", "", "", "", ""]);
                    }
                    else if (table.AgainstBaseline.TryGetValue(row.Key, out var c))
                    {
                        cells.AddRange([TableText.Mark(c), NumberFormat.Signed(c.MeanDifference), NumberFormat.P(c.RandomizationP), NumberFormat.P(c.TTestP), NumberFormat.P(c.AdjustedP), NumberFormat.Effect(c.EffectSize), $"{c.Wins}/{c.Losses}/{c.Ties}"]);
                    }
                    else
                    {
                        cells.AddRange(["", "", "", "", "", "", ""]);
                    }
                }

                if (hasNegatives)
                {
                    cells.Add(row.Negatives is { } n ? NumberFormat.Percent(n.FalseNegativeRate) : NumberFormat.Missing);
                }

                Line("| " + string.Join(" | ", cells) + " |");
            }

            Line();
        }

        if (table.Rows.Count == 0)
        {
            Line("No complete cells.");
            Line();
        }

        if (table.Pairs.Count > 0)
        {
            Line($"## All pairs ({table.PrimaryMeasure})");
            Line();
            Line("| dataset | configuration | vs | Δ | p rand. | p t-test | p adj. | d_z | W/L/T | |");
            Line("|:---|:---|:---|---:|---:|---:|---:|---:|---:|:---:|");
            foreach (var c in table.Pairs)
            {
                Line($"| {TableText.Escape(c.Configuration.Dataset)} | {TableText.Escape(table.NameOf(c.Configuration))} | {TableText.Escape(table.NameOf(c.Against))} | {NumberFormat.Signed(c.MeanDifference)} | {NumberFormat.P(c.RandomizationP)} | {NumberFormat.P(c.TTestP)} | {NumberFormat.P(c.AdjustedP)} | {NumberFormat.Effect(c.EffectSize)} | {c.Wins}/{c.Losses}/{c.Ties} | {(c.Significant ? "*" : string.Empty)} |");
            }

            Line();
        }

        if (table.Problems.Count > 0)
        {
            Line($"## Cells not in the table ({table.Problems.Count})");
            Line();
            Line("| cell | dataset | configuration | seed | state | reason |");
            Line("|:---|:---|:---|---:|:---|:---|");
            foreach (var p in table.Problems)
            {
                Line($"| {p.CellId} | {TableText.Escape(p.Configuration?.Dataset ?? "?")} | {TableText.Escape(p.Configuration is { } k ? table.NameOf(k) : "?")} | {p.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} | {p.State.ToString().ToLowerInvariant()} | {TableText.Escape(p.Reason)} |");
            }

            Line();
        }

        if (table.Notes.Count > 0)
        {
            Line("## Notes");
            Line();
            foreach (var note in table.Notes)
            {
                Line($"- {note}");
            }

            Line();
        }

        if (plots.Count > 0)
        {
            Line("## Plots");
            Line();
            foreach (var plot in plots)
            {
                Line($"![{plot.Title}](plots/{plot.Name}.png)");
                Line();
            }
        }

        if (table.Citations.Count > 0)
        {
            Line("## Citations");
            Line();
            foreach (var (plugin, citation) in table.Citations)
            {
                Line($"- `{plugin}`:");
                Line();
                Line("  ```");
                foreach (var line in citation.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
                {
                    Line("  " + line);
                }

                Line("  ```");
                Line();
            }
        }

        return sb.ToString();
    }

    internal static string SeedsCell(ConfigurationResult row, LeaderboardTable table)
    {
        var missing = table.Problems.Count(p => p.Configuration == row.Key);
        return missing == 0 ? row.Seeds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{row.Seeds.Count} ({missing} failed)";
    }
}
