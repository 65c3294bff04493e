namespace Harness.Evaluation.Output;

/// <summary>Writes an <see cref="EvaluationResult"/> in one of the <see cref="OutputFormat"/>s.</summary>
public static class ResultWriter
{
    /// <summary>
    /// Writes <paramref name="result"/>: per-query values first when <paramref name="perQuery"/> (trec_eval -q), the
    /// <c>all</c> values unless <paramref name="summary"/> is false (trec_eval -n; trec format only).
    /// </summary>
    public static void Write(TextWriter writer, EvaluationResult result, OutputFormat format, bool perQuery, bool summary = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        switch (format)
        {
            case OutputFormat.Table:
                TableWriter.Write(writer, result, perQuery);
                break;
            case OutputFormat.Json:
                JsonResultWriter.Write(writer, result, perQuery);
                break;
            case OutputFormat.Tsv:
                TsvWriter.Write(writer, result, perQuery);
                break;
            default:
                TrecFormatWriter.Write(writer, result, perQuery, summary);
                break;
        }
    }
}
