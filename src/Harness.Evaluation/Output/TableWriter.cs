using System.Globalization;
using Harness.Evaluation.Measures;

namespace Harness.Evaluation.Output;

/// <summary>A compact aligned table: one row per query (with <c>-q</c>) and an <c>all</c> row; one column per measure.</summary>
internal static class TableWriter
{
    public static void Write(TextWriter writer, EvaluationResult result, bool perQuery)
    {
        var columns = result.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => c.Column.Kind is not (MeasureValueKind.Text or MeasureValueKind.QueryText)).ToArray();
        var rows = new List<string[]>();
        var header = new[] { "query" }.Concat(columns.Select(c => c.Column.Name)).ToArray();
        rows.Add(header);
        if (perQuery)
        {
            foreach (var q in result.Queries)
            {
                rows.Add([q.QueryId, .. columns.Select(c => c.Column.PerQuery ? Cell(c.Column, q.Values[c.Index]) : "")]);
            }
        }

        rows.Add(["all", .. columns.Select(c => Cell(c.Column, result.Aggregate[c.Index]))]);
        var widths = new int[header.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        if (result.RunId.Length > 0)
        {
            writer.Write("run: " + result.RunId + "\n");
        }

        foreach (var row in rows)
        {
            var parts = row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            writer.Write(string.Join("  ", parts).TrimEnd() + "\n");
        }
    }

    private static string Cell(MeasureColumn column, double value) =>
        column.Kind == MeasureValueKind.Count ? ((long)value).ToString(CultureInfo.InvariantCulture) : CFormat.Fixed(value, 4, 6);
}
