using System.Globalization;
using System.Text;
using Harness.Evaluation.Measures;

namespace Harness.Evaluation.Output;

/// <summary>trec_eval's output: with <c>-q</c> every query's lines first (strcmp order), then the <c>all</c> lines.</summary>
internal static class TrecFormatWriter
{
    public static void Write(TextWriter writer, EvaluationResult result, bool perQuery, bool summary)
    {
        var sb = new StringBuilder(1 << 16);
        var columns = result.Columns;
        if (perQuery)
        {
            foreach (var q in result.Queries)
            {
                for (var j = 0; j < columns.Count; j++)
                {
                    if (columns[j].Kind == MeasureValueKind.QueryText)
                    {
                        // m_relstring.c te_print_q_relstring: "%-22s\t%s\t'%s'\n".
                        Line(sb, columns[j], q.QueryId, 0, "'" + q.TextAt(j) + "'", false);
                    }
                    else if (columns[j].PerQuery)
                    {
                        Line(sb, columns[j], q.QueryId, q.Values[j], result.RunId, result.IsZScores);
                    }
                }

                if (sb.Length > 1 << 15)
                {
                    writer.Write(sb);
                    sb.Clear();
                }
            }
        }

        if (summary)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                if (columns[j].Kind != MeasureValueKind.QueryText)
                {
                    Line(sb, columns[j], "all", result.Aggregate[j], result.RunId, result.IsZScores);
                }
            }
        }

        writer.Write(sb);
    }

    /// <summary>
    /// One line; with <paramref name="z"/> (trec_eval -Z) the meas_print_*.c functions print "Z" before the name and
    /// counts as <c>%6.4f</c> (runid and relstring print their own way, unprefixed).
    /// </summary>
    private static void Line(StringBuilder sb, MeasureColumn column, string qid, double value, string runId, bool z)
    {
        z &= column.Kind is MeasureValueKind.Float or MeasureValueKind.Count;
        if (z)
        {
            sb.Append('Z');
        }

        sb.Append(column.Name);
        if (column.Name.Length < 22)
        {
            sb.Append(' ', 22 - column.Name.Length);
        }

        sb.Append('\t').Append(qid).Append('\t');
        switch (column.Kind)
        {
            case MeasureValueKind.Text:
            case MeasureValueKind.QueryText:
                sb.Append(runId);
                break;
            case MeasureValueKind.Count when !z:
                sb.Append(((long)value).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                CFormat.AppendFixed(sb, value, 4, 6);
                break;
        }

        sb.Append('\n');
    }
}
