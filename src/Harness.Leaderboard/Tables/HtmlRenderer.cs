using System.Globalization;
using System.Net;
using System.Text;

namespace Harness.Leaderboard.Tables;

/// <summary>
/// Renders <c>leaderboard.html</c>: one self-contained page (inline CSS and JavaScript, plots embedded as PNG data
/// URIs, no network) with a table that sorts on a header click (or Enter) and filters on a search box.
/// </summary>
public static class HtmlRenderer
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 1.5rem; color: #1d1d1f; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        p.note { max-width: 70rem; font-size: 0.9rem; color: #444; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: right; vertical-align: top; white-space: nowrap; }
        th { background: #f3f3f5; position: sticky; top: 0; }
        table.sortable th { cursor: pointer; user-select: none; }
        table.sortable th[aria-sort="ascending"]::after { content: " \25B2"; }
        table.sortable th[aria-sort="descending"]::after { content: " \25BC"; }
        td.text, th.text { text-align: left; }
        tr.baseline { background: #eef5ff; }
        td small { color: #666; }
        .up { color: #0a7a2f; font-weight: bold; } .down { color: #b00020; font-weight: bold; }
        input[type=search] { font-size: 0.95rem; padding: 0.3rem 0.5rem; width: 22rem; }
        figure { margin: 1rem 0; } figure img { max-width: 100%; border: 1px solid #eee; }
        pre { background: #f7f7f9; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; }
        """;

    private const string Script = """
        (function () {
          'use strict';
          function key(cell, numeric) {
            var v = cell.getAttribute('data-value');
            if (v === null) { v = cell.textContent; }
            if (numeric) { var n = parseFloat(v); return isNaN(n) ? null : n; }
            return v.toLowerCase();
          }
          function sort(table, th, index) {
            var numeric = th.getAttribute('data-type') === 'number';
            var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
            Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
              if (x === y) { return 0; }
              if (x === null) { return 1; }
              if (y === null) { return -1; }
              return (x < y ? -1 : 1) * dir;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          }
          Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
              th.tabIndex = 0;
              th.addEventListener('click', function () { sort(table, th, index); });
              th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(table, th, index); } });
            });
          });
          var filter = document.getElementById('filter');
          if (filter) {
            filter.addEventListener('input', function () {
              var q = filter.value.toLowerCase();
              Array.prototype.forEach.call(document.querySelectorAll('#leaderboard tbody tr'), function (r) {
                r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
              });
            });
          }
        })();
        """;

    /// <summary>Renders the page.</summary>
    /// <param name="table">The table.</param>
    /// <param name="plots">The plots to embed.</param>
    /// <returns>HTML text, <c>\n</c> line ends.</returns>
    public static string Render(LeaderboardTable table, IReadOnlyList<PlotFile> plots)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plots);
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        static string E(string text) => WebUtility.HtmlEncode(text);
        static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line("<link rel=\"icon\" href=\"data:,\">");
        Line($"<title>Leaderboard: {E(table.Name)}</title>");
        Line("<style>");
        Line(Style);
        Line("</style>");
        Line("</head>");
        Line("<body>");
        Line($"<h1>Leaderboard: {E(table.Name)}</h1>");
        foreach (var line in TableText.Explanation(table).Split('\n'))
        {
            Line($"<p class=\"note\">{E(line)}</p>");
        }

        var withBaseline = table.Baselines.Count > 0;
        var hasNegatives = table.Rows.Any(r => r.Negatives is not null);
        Line("<p><input id=\"filter\" type=\"search\" placeholder=\"Filter rows, e.g. bm25\" aria-label=\"Filter rows\"></p>");
        Line("<table id=\"leaderboard\" class=\"sortable\">");
        var header = new StringBuilder("<thead><tr><th data-type=\"number\">#</th>");
        foreach (var axis in new[] { "dataset", "encoder", "loss", "sampler", "reranker", "params" })
        {
            header.Append(CultureInfo.InvariantCulture, $"<th class=\"text\" data-type=\"text\">{axis}</th>");
        }

        header.Append("<th data-type=\"number\">seeds</th>");
        foreach (var m in table.Measures)
        {
            header.Append(CultureInfo.InvariantCulture, $"<th data-type=\"number\">{(m == table.PrimaryMeasure ? $"<strong>{E(m)}</strong>" : E(m))}</th>");
        }

        if (withBaseline)
        {
            header.Append(CultureInfo.InvariantCulture, $"<th data-type=\"text\">sig.</th><th data-type=\"number\">&Delta; {E(table.PrimaryMeasure)}</th><th data-type=\"number\">p rand.</th><th data-type=\"number\">p t-test</th><th data-type=\"number\">p adj.</th><th data-type=\"number\">d_z</th><th data-type=\"number\">wins</th><th data-type=\"number\">losses</th>");
        }

        if (hasNegatives)
        {
            header.Append("<th data-type=\"number\">FN rate</th>");
        }

        Line(header.Append("</tr></thead>").ToString());
        Line("<tbody>");
        var rank = 0;
        foreach (var row in table.Rows)
        {
            rank++;
            var isBaseline = table.Baselines.TryGetValue(row.Key.Dataset, out var b) && b == row.Key;
            var tr = new StringBuilder(isBaseline ? "<tr class=\"baseline\">" : "<tr>");
            tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{I(rank)}\">{I(rank)}</td>");
            foreach (var v in new[] { row.Key.Dataset, row.Key.Encoder, row.Key.Loss, row.Key.Sampler, row.Key.Reranker, table.DifferingParams(row.Key) })
            {
                tr.Append(CultureInfo.InvariantCulture, $"<td class=\"text\">{E(v)}</td>");
            }

            tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{I(row.Seeds.Count)}\">{E(MarkdownRenderer.SeedsCell(row, table))}</td>");
            foreach (var m in table.Measures)
            {
                if (row.Measures.TryGetValue(m, out var s))
                {
                    var e = s.OverSeeds;
                    var detail = e.Count < 2 ? string.Empty : $" ± {NumberFormat.Value(e.HalfWidth)}<br><small>sd {NumberFormat.Value(e.StandardDeviation)}</small>";
                    tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{NumberFormat.Raw(e.Mean)}\">{NumberFormat.Value(e.Mean)}{detail}</td>");
                }
                else
                {
                    tr.Append("<td>-</td>");
                }
            }

            if (withBaseline)
            {
                if (isBaseline)
                {
                    tr.Append("<td class=\"text\">baseline</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td>");
                }
                else if (table.AgainstBaseline.TryGetValue(row.Key, out var c))
                {
                    var mark = TableText.Mark(c);
                    var cls = mark == "▲" ? "up" : mark == "▼" ? "down" : string.Empty;
                    tr.Append(CultureInfo.InvariantCulture, $"<td class=\"text {cls}\">{mark}</td>");
                    tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{NumberFormat.Raw(c.MeanDifference)}\">{NumberFormat.Signed(c.MeanDifference)}</td>");
                    tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{NumberFormat.Raw(c.RandomizationP)}\">{E(NumberFormat.P(c.RandomizationP))}</td>");
                    tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{NumberFormat.Raw(c.TTestP)}\">{E(NumberFormat.P(c.TTestP))}</td>");
                    tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{NumberFormat.Raw(c.AdjustedP)}\">{E(NumberFormat.P(c.AdjustedP))}</td>");
                    tr.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{NumberFormat.Raw(c.EffectSize)}\">{NumberFormat.Effect(c.EffectSize)}</td>");
                    tr.Append(CultureInfo.InvariantCulture, $"<td>{I(c.Wins)}</td><td>{I(c.Losses)}</td>");
                }
                else
                {
                    tr.Append("<td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td>");
                }
            }

            if (hasNegatives)
            {
                tr.Append(row.Negatives is { } n
                    ? $"<td data-value=\"{NumberFormat.Raw(n.FalseNegativeRate)}\">{NumberFormat.Percent(n.FalseNegativeRate)}</td>"
                    : "<td>-</td>");
            }

            Line(tr.Append("</tr>").ToString());
        }

        Line("</tbody>");
        Line("</table>");

        if (table.Pairs.Count > 0)
        {
            Line($"<h2>All pairs ({E(table.PrimaryMeasure)})</h2>");
            Line("<table class=\"sortable\"><thead><tr><th class=\"text\" data-type=\"text\">dataset</th><th class=\"text\" data-type=\"text\">configuration</th><th class=\"text\" data-type=\"text\">vs</th><th data-type=\"number\">&Delta;</th><th data-type=\"number\">p rand.</th><th data-type=\"number\">p t-test</th><th data-type=\"number\">p adj.</th><th data-type=\"number\">d_z</th><th data-type=\"text\">sig.</th></tr></thead><tbody>");
            foreach (var c in table.Pairs)
            {
                Line($"<tr><td class=\"text\">{E(c.Configuration.Dataset)}</td><td class=\"text\">{E(table.NameOf(c.Configuration))}</td><td class=\"text\">{E(table.NameOf(c.Against))}</td><td data-value=\"{NumberFormat.Raw(c.MeanDifference)}\">{NumberFormat.Signed(c.MeanDifference)}</td><td data-value=\"{NumberFormat.Raw(c.RandomizationP)}\">{E(NumberFormat.P(c.RandomizationP))}</td><td data-value=\"{NumberFormat.Raw(c.TTestP)}\">{E(NumberFormat.P(c.TTestP))}</td><td data-value=\"{NumberFormat.Raw(c.AdjustedP)}\">{E(NumberFormat.P(c.AdjustedP))}</td><td data-value=\"{NumberFormat.Raw(c.EffectSize)}\">{NumberFormat.Effect(c.EffectSize)}</td><td class=\"text\">{(c.Significant ? "*" : string.Empty)}</td></tr>");
            }

            Line("</tbody></table>");
        }

        if (table.Problems.Count > 0)
        {
            Line($"<h2>Cells not in the table ({I(table.Problems.Count)})</h2>");
            Line("<table class=\"sortable\"><thead><tr><th class=\"text\" data-type=\"text\">cell</th><th class=\"text\" data-type=\"text\">dataset</th><th class=\"text\" data-type=\"text\">configuration</th><th data-type=\"number\">seed</th><th class=\"text\" data-type=\"text\">state</th><th class=\"text\" data-type=\"text\">reason</th></tr></thead><tbody>");
            foreach (var p in table.Problems)
            {
                Line($"<tr><td class=\"text\">{E(p.CellId)}</td><td class=\"text\">{E(p.Configuration?.Dataset ?? "?")}</td><td class=\"text\">{E(p.Configuration is { } k ? table.NameOf(k) : "?")}</td><td>{(p.Seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "?")}</td><td class=\"text\">{E(p.State.ToString().ToLowerInvariant())}</td><td class=\"text\">{E(p.Reason)}</td></tr>");
            }

            Line("</tbody></table>");
        }

        if (table.Notes.Count > 0)
        {
            Line("<h2>Notes</h2>");
            Line("<ul>");
            foreach (var note in table.Notes)
            {
                Line($"<li>{E(note)}</li>");
            }

            Line("</ul>");
        }

        if (plots.Count > 0)
        {
            Line("<h2>Plots</h2>");
            foreach (var plot in plots)
            {
                Line($"<figure><img alt=\"{E(plot.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(plot.Png)}\"><figcaption>{E(plot.Title)} (<a href=\"plots/{E(plot.Name)}.svg\">SVG</a>)</figcaption></figure>");
            }
        }

        if (table.Citations.Count > 0)
        {
            Line("<h2>Citations</h2>");
            foreach (var (plugin, citation) in table.Citations)
            {
                Line($"<p><code>{E(plugin)}</code></p><pre>{E(citation)}</pre>");
            }
        }

        Line("<script>");
        Line(Script);
        Line("</script>");
        Line("</body>");
        Line("</html>");
        return sb.ToString();
    }
}
