using System.Globalization;
using System.Text;

namespace Harness.Audits;

/// <summary>Renders <c>audit.md</c>.</summary>
public static class AuditMarkdown
{
    /// <summary>The file name.</summary>
    public const string FileName = "audit.md";

    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Markdown, <c>\n</c> line ends.</returns>
    public static string Render(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        var failures = report.Failures.Count();
        Line($"# Audit: {Path.GetFileName(report.Directory.TrimEnd(Path.DirectorySeparatorChar))}");
        Line();
        Line(report.Passed ? "**Result: PASS**" : $"**Result: FAIL** ({failures} failure{(failures == 1 ? string.Empty : "s")})");
        Line();
        foreach (var check in new[] { "integrity", "provenance", "rerun" })
        {
            var items = report.Findings.Where(f => f.Check == check).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var passed = items.Count(f => f.Severity == AuditSeverity.Pass);
            Line($"## {char.ToUpperInvariant(check[0])}{check[1..]} ({passed} of {items.Count} passed)");
            Line();
            foreach (var f in items.OrderBy(f => f.Severity == AuditSeverity.Pass ? 1 : 0))
            {
                Line($"- {Escape(f.ToString())}");
            }

            Line();
        }

        if (report.Reruns.Count > 0)
        {
            Line($"## Reruns (tolerance {(report.Options.Tolerance == 0 ? "0, exact" : report.Options.Tolerance.ToString("R", CultureInfo.InvariantCulture))})");
            Line();
            Line("| cell | measure | queries | recorded mean | rerun mean | difference | RMSE | ok |");
            Line("|:---|:---|---:|---:|---:|---:|---:|:---:|");
            foreach (var c in report.Reruns)
            {
                foreach (var m in c.Measures)
                {
                    Line($"| {c.CellId} | {m.Measure} | {m.Queries} | {F(m.RecordedMean)} | {F(m.RerunMean)} | {F(m.Difference)} | {F(m.Rmse)} | {(m.Passed ? "yes" : "NO")} |");
                }
            }

            Line();
            Line("| cell | queries | identical rankings | mean Kendall tau | min tau | mean RBO | min RBO |");
            Line("|:---|---:|---:|---:|---:|---:|---:|");
            foreach (var c in report.Reruns.Where(c => c.Ranking is not null))
            {
                var r = c.Ranking!;
                Line($"| {c.CellId} | {r.Queries} | {r.IdenticalQueries} | {F(r.MeanKendallTau)} | {F(r.MinKendallTau)} | {F(r.MeanRbo)} | {F(r.MinRbo)} |");
            }

            Line();
        }

        return sb.ToString();
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("\n", " ", StringComparison.Ordinal);
}
