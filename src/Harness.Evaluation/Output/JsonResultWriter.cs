using System.Text.Encodings.Web;
using System.Text.Json;
using Harness.Evaluation.Measures;

namespace Harness.Evaluation.Output;

/// <summary>
/// One JSON document: <c>{"runid", "measures": [...], "queries": [{"query", "values": {...}}], "all": {...}}</c>;
/// counts as integers, other values at full precision.
/// </summary>
internal static class JsonResultWriter
{
    public static void Write(TextWriter writer, EvaluationResult result, bool perQuery)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("runid", result.RunId);
            json.WriteStartArray("measures");
            foreach (var c in result.Columns)
            {
                if (c.Kind is not (MeasureValueKind.Text or MeasureValueKind.QueryText))
                {
                    json.WriteStringValue(c.Name);
                }
            }

            json.WriteEndArray();
            if (perQuery)
            {
                json.WriteStartArray("queries");
                foreach (var q in result.Queries)
                {
                    json.WriteStartObject();
                    json.WriteString("query", q.QueryId);
                    json.WriteStartObject("values");
                    for (var j = 0; j < result.Columns.Count; j++)
                    {
                        if (result.Columns[j].Kind == MeasureValueKind.QueryText)
                        {
                            json.WriteString(result.Columns[j].Name, q.TextAt(j));
                        }
                        else if (result.Columns[j].PerQuery)
                        {
                            Value(json, result.Columns[j], q.Values[j]);
                        }
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("all");
            for (var j = 0; j < result.Columns.Count; j++)
            {
                if (result.Columns[j].Kind is not (MeasureValueKind.Text or MeasureValueKind.QueryText))
                {
                    Value(json, result.Columns[j], result.Aggregate[j]);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    private static void Value(Utf8JsonWriter json, MeasureColumn column, double value)
    {
        if (column.Kind == MeasureValueKind.Count)
        {
            json.WriteNumber(column.Name, (long)value);
        }
        else if (double.IsFinite(value))
        {
            json.WriteNumber(column.Name, value);
        }
        else
        {
            json.WriteNull(column.Name);
        }
    }
}
