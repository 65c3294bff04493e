using Harness.Leaderboard.Tables;
using Harness.Results.Storage;

namespace Harness.Leaderboard;

/// <summary>
/// Writes a leaderboard into its results folder: <c>plots/*.png|svg</c>, <c>leaderboard.parquet</c>,
/// <c>leaderboard.html</c> and <c>leaderboard.md</c>, each atomically. No timestamps and no unordered iteration
/// anywhere, so regenerating from the same files gives the same bytes.
/// </summary>
public static class LeaderboardWriter
{
    /// <summary>The Markdown file name.</summary>
    public const string MarkdownFileName = "leaderboard.md";

    /// <summary>The HTML file name.</summary>
    public const string HtmlFileName = "leaderboard.html";

    /// <summary>The plots folder name.</summary>
    public const string PlotsFolder = "plots";

    /// <summary>Renders and writes every output.</summary>
    /// <param name="table">The table.</param>
    /// <param name="directory">The results folder.</param>
    /// <param name="plotter">Draws the plots (null: no plots).</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths written, in order.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(LeaderboardTable table, string directory, ILeaderboardPlotter? plotter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(directory);
        var written = new List<string>();
        var plots = plotter?.Render(table) ?? [];
        foreach (var plot in plots)
        {
            var png = Path.Combine(directory, PlotsFolder, plot.Name + ".png");
            var svg = Path.Combine(directory, PlotsFolder, plot.Name + ".svg");
            await AtomicFile.WriteAllBytesAsync(png, plot.Png, cancellationToken).ConfigureAwait(false);
            await AtomicFile.WriteAllTextAsync(svg, plot.Svg, cancellationToken).ConfigureAwait(false);
            written.Add(png);
            written.Add(svg);
        }

        // Plots of an earlier run that this table no longer has (for example training curves) would otherwise stay
        // beside the new ones and contradict them: the plots folder is the leaderboard's own.
        var plotsDirectory = Path.Combine(directory, PlotsFolder);
        if (Directory.Exists(plotsDirectory))
        {
            foreach (var stale in Directory.EnumerateFiles(plotsDirectory).Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)).Except(written, StringComparer.Ordinal).ToList())
            {
                File.Delete(stale);
            }
        }

        var parquet = Path.Combine(directory, LeaderboardParquet.FileName);
        await LeaderboardParquet.WriteAsync(parquet, table, cancellationToken).ConfigureAwait(false);
        written.Add(parquet);
        var html = Path.Combine(directory, HtmlFileName);
        await AtomicFile.WriteAllTextAsync(html, HtmlRenderer.Render(table, plots), cancellationToken).ConfigureAwait(false);
        written.Add(html);
        var md = Path.Combine(directory, MarkdownFileName);
        await AtomicFile.WriteAllTextAsync(md, MarkdownRenderer.Render(table, plots), cancellationToken).ConfigureAwait(false);
        written.Add(md);
        return written;
    }
}
