using System.Globalization;
using System.Text;
using Harness.Evaluation.Measures;

namespace Harness.Evaluation.Output;

/// <summary>Tab-separated rows <c>query measure value</c> (values at full round-trip precision), header first.</summary>
internal static class TsvWriter
{
    public static void Write(TextWriter writer, EvaluationResult result, bool perQuery)
    {
        var sb = new StringBuilder();
        sb.Append("query\tmeasure\tvalue\n");
        if (perQuery)
        {
            foreach (var q in result.Queries)
            {
                for (var j = 0; j < result.Columns.Count; j++)
                {
                    if (result.Columns[j].Kind == MeasureValueKind.QueryText)
                    {
                        Row(sb, q.QueryId, result.Columns[j], 0, q.TextAt(j));
                    }
                    else if (result.Columns[j].PerQuery)
                    {
                        Row(sb, q.QueryId, result.Columns[j], q.Values[j], result.RunId);
                    }
                }
            }
        }

        for (var j = 0; j < result.Columns.Count; j++)
        {
            if (result.Columns[j].Kind != MeasureValueKind.QueryText)
            {
                Row(sb, "all", result.Columns[j], result.Aggregate[j], result.RunId);
            }
        }

        writer.Write(sb);
    }

    private static void Row(StringBuilder sb, string qid, MeasureColumn column, double value, string runId)
    {
        sb.Append(qid).Append('\t').Append(column.Name).Append('\t');
        sb.Append(column.Kind switch
        {
            MeasureValueKind.Text or MeasureValueKind.QueryText => runId,
            MeasureValueKind.Count => ((long)value).ToString(CultureInfo.InvariantCulture),
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        });
        sb.Append('\n');
    }
}
