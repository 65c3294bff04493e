using System.Runtime.CompilerServices;
using System.Text;

namespace Harness.Evaluation.Parsing;

/// <summary>Reads a qrels file: <c>qid iter docno rel</c> per line (rel by atol), <c>#</c> comments, blank lines skipped.</summary>
internal static class QrelsReader
{
    public static Qrels Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvaluationException($"{path}: cannot read qrels file: {e.Message}", ExitCodes.Input);
        }

        return Parse(bytes, path);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Qrels Parse(ReadOnlySpan<byte> data, string name)
    {
        var qrels = new Qrels();
        Span<int> starts = stackalloc int[4];
        Span<int> lengths = stackalloc int[4];
        long lineNo = 0;
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

            if (n < 4)
            {
                throw new EvaluationException(
                    $"{name}:{lineNo}: malformed qrels line: expected 4 fields (qid iter docno rel), found {n}", ExitCodes.Input);
            }

            var qid = line.Slice(starts[0], lengths[0]);
            var docNo = line.Slice(starts[2], lengths[2]);
            var rel = CNumber.Atol(line.Slice(starts[3], lengths[3]));
            var level = (int)Math.Clamp(rel, int.MinValue, int.MaxValue);
            if (!qrels.TryAdd(qid, docNo, level))
            {
                var d = Encoding.UTF8.GetString(docNo);
                var q = Encoding.UTF8.GetString(qid);
                throw new EvaluationException(
                    $"{name}:{lineNo}: duplicate docno {d} in qrels query {q} (trec_eval.form_res_rels: duplicate docs {d})", ExitCodes.CalculationFailed)
                { QueryId = q, DocNo = d };
            }
        }

        _ = qrels.Ordered;
        return qrels;
    }
}
