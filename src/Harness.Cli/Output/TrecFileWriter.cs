using System.Globalization;
using System.Text;
using Harness.Abstractions.Datasets;
using Harness.Retrieval;

namespace Harness.Cli.Output;

/// <summary>Writes runs and qrels in the formats trec_eval reads; each file is written to a temporary name and renamed.</summary>
internal static class TrecFileWriter
{
    /// <summary>Writes <c>qid Q0 docno rank score runid</c> lines, queries in the given order, ranks from 1.</summary>
    public static void WriteRun(string path, IReadOnlyList<Query> queries, IReadOnlyList<IReadOnlyList<ScoredDocument>> rankings, string runId)
    {
        CheckToken(runId, "run id");
        Atomic(path, w =>
        {
            for (var i = 0; i < queries.Count; i++)
            {
                CheckToken(queries[i].Id, "query id");
                var rank = 1;
                foreach (var d in rankings[i])
                {
                    CheckToken(d.DocumentId, "document id");
                    w.Write(queries[i].Id);
                    w.Write(" Q0 ");
                    w.Write(d.DocumentId);
                    w.Write(' ');
                    w.Write(rank++);
                    w.Write(' ');
                    w.Write(d.Score.ToString("R", CultureInfo.InvariantCulture));
                    w.Write(' ');
                    w.Write(runId);
                    w.Write('\n');
                }
            }
        });
    }

    /// <summary>Writes <c>qid 0 docno grade</c> lines in ordinal order.</summary>
    public static void WriteQrels(string path, Qrels qrels)
    {
        Atomic(path, w =>
        {
            foreach (var (q, d, g) in qrels.All())
            {
                CheckToken(q, "query id");
                CheckToken(d, "document id");
                w.Write(q);
                w.Write(" 0 ");
                w.Write(d);
                w.Write(' ');
                w.Write(g.ToString(CultureInfo.InvariantCulture));
                w.Write('\n');
            }
        });
    }

    private static void CheckToken(string value, string what)
    {
        if (value.Length == 0 || value.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"{what} '{value}' is empty or contains whitespace and cannot be written in TREC format");
        }
    }

    private static void Atomic(string path, Action<TextWriter> write)
    {
        var tmp = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false), 1 << 16))
            {
                write(w);
            }

            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }
}
