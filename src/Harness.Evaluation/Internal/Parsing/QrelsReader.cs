using System.Text;

namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// Reads qrels: <c>qid iter docno rel</c> per line, <c>#</c> comments, blank lines skipped. Exactly four fields, as
/// get_qrels.c demands. Strict (default): rel must be an integer and the file must hold a judgment; lenient: rel is
/// read with atol as trec_eval does, and the lines where that changed what was written are counted.
/// </summary>
internal static class QrelsReader
{
    public static TrecQrels Read(string path, bool lenient) => Parse(ReadBytes(path), path, lenient);

    /// <summary>
    /// Reads qrels_jg judgments (get_qrels_jg.c): the same lines, the second field naming the judgment group; one
    /// <see cref="TrecQrels"/> per group. A docno may be judged once per (query, group).
    /// </summary>
    public static Dictionary<string, TrecQrels> ReadGroups(string path, bool lenient)
    {
        var groups = new Dictionary<string, TrecQrels>(StringComparer.Ordinal);
        Parse(ReadBytes(path), path, lenient, groups);
        foreach (var g in groups.Values)
        {
            _ = g.Ordered;
        }

        return groups;
    }

    private static byte[] ReadBytes(string path)
    {
        byte[] bytes;
        using (var input = InputFile.Open(path, "qrels file"))
        {
            try
            {
                bytes = input.ReadAll();
            }
            catch (Exception e) when (InputFile.IsReadFailure(e))
            {
                throw input.Failure(path, "qrels file", e);
            }
        }

        return bytes;
    }

    public static TrecQrels Parse(ReadOnlySpan<byte> data, string name, bool lenient, Dictionary<string, TrecQrels>? groups = null)
    {
        var qrels = new TrecQrels();
        var target = qrels;
        var judgments = 0L;
        Span<int> starts = stackalloc int[5];
        Span<int> lengths = stackalloc int[5];
        long lineNo = 0;
        long coerced = 0;
        var pos = 0;
        while (pos < data.Length)
        {
            var nl = data[pos..].IndexOf((byte)'\n');
            var line = nl < 0 ? data[pos..] : data.Slice(pos, nl);
            pos = nl < 0 ? data.Length : pos + nl + 1;
            lineNo++;
            var n = LineFields.Split(line, starts, lengths, out var skip);
            if (skip)
            {
                continue;
            }

            if (n != 4)
            {
                throw new EvaluationException(
                    $"{name}:{lineNo}: malformed qrels line: expected 4 fields (qid iter docno rel), found {(n > 4 ? "more" : n)}", EvaluationError.Malformed);
            }

            var qid = line.Slice(starts[0], lengths[0]);
            var docNo = line.Slice(starts[2], lengths[2]);
            var relField = line.Slice(starts[3], lengths[3]);
            var rel = CNumber.Atol(relField);
            if (!CNumber.IsStrictInteger(relField))
            {
                if (!lenient)
                {
                    throw new EvaluationException(
                        $"{name}:{lineNo}: relevance '{Encoding.UTF8.GetString(relField)}' is not an integer (--lenient reads it with atol as trec_eval does: {rel})",
                        EvaluationError.Malformed);
                }

                coerced++;
            }

            var level = (int)Math.Clamp(rel, int.MinValue, int.MaxValue);
            if (groups is not null)
            {
                var group = Encoding.UTF8.GetString(line.Slice(starts[1], lengths[1]));
                if (!groups.TryGetValue(group, out target))
                {
                    target = new TrecQrels();
                    groups.Add(group, target);
                }
            }

            judgments++;
            if (!target!.TryAdd(qid, docNo, level))
            {
                var d = Encoding.UTF8.GetString(docNo);
                var q = Encoding.UTF8.GetString(qid);
                throw new EvaluationException(
                    $"{name}:{lineNo}: duplicate docno {d} in qrels query {q} (trec_eval.form_res_rels: duplicate docs {d})", EvaluationError.CannotCalculate)
                { QueryId = q, DocNo = d };
            }
        }

        if (judgments == 0)
        {
            // trec_eval fails too: "Cannot read qrels file" for an empty file, "No queries with both results and
            // relevance info" (exit 7) for a comment-only one.
            throw new EvaluationException($"{name}:{Math.Max(lineNo, 1)}: the qrels hold no judgment (empty, or only comments and blank lines)", EvaluationError.Malformed);
        }

        qrels.CoercedLines = coerced;
        if (groups is not null)
        {
            foreach (var g in groups.Values)
            {
                g.CoercedLines = coerced;
            }
        }

        _ = qrels.Ordered;
        return qrels;
    }
}
