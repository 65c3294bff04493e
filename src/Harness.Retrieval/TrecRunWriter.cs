using System.Globalization;
using Harness.Abstractions.Datasets;

namespace Harness.Retrieval;

/// <summary>Writes runs and qrels in the text formats trec_eval reads (the caller makes the file atomic).</summary>
public static class TrecRunWriter
{
    /// <summary>Writes <c>qid Q0 docno rank score runid</c> lines, lists in the given order, ranks from 1.</summary>
    /// <param name="output">The writer.</param>
    /// <param name="run">The ranked lists.</param>
    /// <param name="runId">The run name.</param>
    /// <exception cref="FormatException">An id cannot be written in TREC format.</exception>
    public static void WriteRun(TextWriter output, IEnumerable<RankedList> run, string runId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        TrecFormat.CheckWritable(runId, "run id");
        foreach (var list in run)
        {
            TrecFormat.CheckWritable(list.QueryId, "query id");
            var rank = 1;
            foreach (var d in list.Documents)
            {
                TrecFormat.CheckWritable(d.DocumentId, "document id");
                output.Write(list.QueryId);
                output.Write(" Q0 ");
                output.Write(d.DocumentId);
                output.Write(' ');
                output.Write(rank++);
                output.Write(' ');
                output.Write(d.Score.ToString("R", CultureInfo.InvariantCulture));
                output.Write(' ');
                output.Write(runId);
                output.Write('\n');
            }
        }
    }

    /// <summary>Writes <c>qid 0 docno grade</c> lines in ordinal order.</summary>
    /// <param name="output">The writer.</param>
    /// <param name="qrels">The judgments.</param>
    /// <exception cref="FormatException">An id cannot be written in TREC format.</exception>
    public static void WriteQrels(TextWriter output, Qrels qrels)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(qrels);
        foreach (var (q, d, g) in qrels.All())
        {
            TrecFormat.CheckWritable(q, "query id");
            TrecFormat.CheckWritable(d, "document id");
            output.Write(q);
            output.Write(" 0 ");
            output.Write(d);
            output.Write(' ');
            output.Write(g.ToString(CultureInfo.InvariantCulture));
            output.Write('\n');
        }
    }
}
