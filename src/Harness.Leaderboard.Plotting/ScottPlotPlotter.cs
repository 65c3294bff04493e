using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Leaderboard.Aggregation;
using ScottPlot;
using SkiaSharp;

namespace Harness.Leaderboard.Plotting;

/// <summary>
/// Draws the leaderboard's plots with ScottPlot 5: the primary measure per configuration with its confidence
/// interval, training-loss curves, false-negative rate against nDCG@10, and per-query wins and losses against the
/// baseline. Text uses DejaVu Sans (Debian's fonts-dejavu-core); ScottPlot silently drops text when no font is found,
/// so <see cref="MissingFontWarning"/> says so up front. Each plot is drawn once and exported as PNG and SVG of the
/// same size; nothing in them depends on time or machine, so the same table gives the same bytes.
/// </summary>
public sealed partial class ScottPlotPlotter : ILeaderboardPlotter
{
    /// <summary>The font family every text uses.</summary>
    public const string FontFamily = "DejaVu Sans";

    private const int Width = 1000;

    /// <summary>Sets the font (process-wide in ScottPlot).</summary>
    public ScottPlotPlotter()
    {
        Fonts.Default = FontFamily;
    }

    /// <summary>A warning when the font is not installed (plots would have no text), else null.</summary>
    /// <returns>The warning or null.</returns>
    public static string? MissingFontWarning()
    {
        using var typeface = SKTypeface.FromFamilyName(FontFamily);
        return typeface is not null && typeface.FamilyName == FontFamily
            ? null
            : $"font '{FontFamily}' is not installed (Debian: apt-get install fonts-dejavu-core); plots will have no text";
    }

    /// <inheritdoc/>
    public IReadOnlyList<PlotFile> Render(LeaderboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var plots = new List<PlotFile>();
        if (table.Rows.Count == 0)
        {
            return plots;
        }

        plots.Add(PrimaryBars(table));
        if (table.Rows.Any(r => r.TrainingLoss.Count > 0))
        {
            plots.Add(TrainingLoss(table));
        }

        var fnMeasure = table.Measures.Contains("nDCG@10") ? "nDCG@10" : table.PrimaryMeasure;
        if (table.Rows.Any(r => r.Negatives is { Negatives: > 0 } && r.Measures.ContainsKey(fnMeasure)))
        {
            plots.Add(FalseNegatives(table, fnMeasure));
        }

        if (table.AgainstBaseline.Count > 0)
        {
            plots.Add(WinsLosses(table));
        }

        return plots;
    }

    private static string Label(LeaderboardTable table, ConfigurationKey key) =>
        table.Rows.Select(r => r.Key.Dataset).Distinct().Count() > 1 ? $"{key.Dataset}: {table.NameOf(key)}" : table.NameOf(key);

    private static int BarHeight(int count) => Math.Max(300, 110 + (26 * count));

    private static PlotFile PrimaryBars(LeaderboardTable table)
    {
        var plot = new Plot();
        var rows = table.Rows;
        var bars = new List<Bar>();
        var positions = new double[rows.Count];
        var labels = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var position = rows.Count - i; // best at the top
            var summary = rows[i].Measures.GetValueOrDefault(table.PrimaryMeasure)?.OverSeeds;
            var isBaseline = table.Baselines.TryGetValue(rows[i].Key.Dataset, out var b) && b == rows[i].Key;
            bars.Add(new Bar
            {
                Position = position,
                Value = summary is { } s && double.IsFinite(s.Mean) ? s.Mean : 0,
                Error = summary is { } e && double.IsFinite(e.HalfWidth) ? e.HalfWidth : 0,
                FillColor = isBaseline ? Colors.Gray : Colors.SteelBlue,
                Size = 0.7,
            });
            positions[i] = position;
            labels[i] = Label(table, rows[i].Key);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.02, top: 0.02);
        var level = (int)Math.Round(table.Options.ConfidenceLevel * 100);
        plot.Title($"{table.PrimaryMeasure}: mean over seeds with {level}% CI (gray: baseline)");
        plot.XLabel(table.PrimaryMeasure);
        return Export(plot, "primary-by-configuration", $"{table.PrimaryMeasure} per configuration, mean over seeds with {level}% confidence interval", BarHeight(rows.Count));
    }

    private static PlotFile TrainingLoss(LeaderboardTable table)
    {
        var plot = new Plot();
        foreach (var row in table.Rows.Where(r => r.TrainingLoss.Count > 0).OrderBy(r => r.Key))
        {
            var xs = row.TrainingLoss.Select(p => (double)p.Step).ToArray();
            var ys = row.TrainingLoss.Select(p => p.Loss).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.LegendText = Label(table, row.Key);
        }

        plot.Title("Training loss (mean over seeds)");
        plot.XLabel("step");
        plot.YLabel("loss");
        plot.ShowLegend(Edge.Right);
        return Export(plot, "training-loss", "Training loss per step, mean over seeds", 600);
    }

    private static PlotFile FalseNegatives(LeaderboardTable table, string measure)
    {
        var plot = new Plot();
        foreach (var row in table.Rows.Where(r => r.Negatives is { Negatives: > 0 } && r.Measures.ContainsKey(measure)).OrderBy(r => r.Key))
        {
            var x = 100 * row.Negatives!.FalseNegativeRate;
            var y = row.Measures[measure].OverSeeds.Mean;
            var marker = plot.Add.Marker(x, y);
            marker.MarkerSize = 9;
            var text = plot.Add.Text(row.Key.Sampler + (row.Key.Loss.Length > 0 ? " / " + row.Key.Loss : string.Empty), x, y);
            text.LabelFontSize = 11;
            text.LabelOffsetX = 6;
            text.LabelOffsetY = -6;
        }

        plot.Title($"False-negative rate of the sampled negatives vs {measure}");
        plot.XLabel("false negatives among sampled negatives (%)");
        plot.YLabel(measure);
        plot.Axes.Margins(left: 0.05, right: 0.3, bottom: 0.1, top: 0.1); // room for the labels right of the points
        return Export(plot, "false-negatives-vs-" + Slug(measure), $"Sampler false-negative rate against {measure}", 600);
    }

    private static PlotFile WinsLosses(LeaderboardTable table)
    {
        var plot = new Plot();
        var rows = table.Rows.Where(r => table.AgainstBaseline.ContainsKey(r.Key)).ToList();
        var bars = new List<Bar>();
        var positions = new double[rows.Count];
        var labels = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var c = table.AgainstBaseline[rows[i].Key];
            var position = rows.Count - i;
            bars.Add(new Bar { Position = position, Value = c.Wins, FillColor = Colors.SeaGreen, Size = 0.7 });
            bars.Add(new Bar { Position = position, Value = -c.Losses, FillColor = Colors.IndianRed, Size = 0.7 });
            positions[i] = position;
            labels[i] = Label(table, rows[i].Key) + (c.Significant ? (c.MeanDifference > 0 ? " ▲" : " ▼") : string.Empty);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Add.VerticalLine(0, 1, Colors.Black);
        plot.Title($"Per-query wins (green) and losses (red) on {table.PrimaryMeasure} against the baseline");
        plot.XLabel("queries");
        return Export(plot, "wins-losses", $"Per-query wins and losses on {table.PrimaryMeasure} against the baseline", BarHeight(rows.Count));
    }

    private static PlotFile Export(Plot plot, string name, string title, int height)
    {
        var png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        var svg = StableIds(plot.GetSvgXml(Width, height));
        return new PlotFile(name, title, png, svg.EndsWith('\n') ? svg : svg + "\n");
    }

    /// <summary>
    /// SkiaSharp's SVG canvas numbers clip paths in hex from a process-wide counter (<c>cl_b</c> in one plot, <c>cl_1b</c> in
    /// the same plot drawn again), so the same plot would give different SVG bytes. Renumber them in order of first
    /// appearance.
    /// </summary>
    private static string StableIds(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!map.TryGetValue(m.Value, out var id))
            {
                id = $"cl_{map.Count.ToString(CultureInfo.InvariantCulture)}";
                map[m.Value] = id;
            }

            return id;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();

    private static string Slug(string measure) =>
        string.Concat(measure.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
}
