using System.Text;
using Harness.Evaluation.Internal.Preferences;

namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// Reads trec_eval's preference judgments: <c>-R prefs</c> (get_prefs.c: <c>qid jg jsg docno rel_level</c>) and
/// <c>-R qrels_prefs</c> (get_qrels_prefs.c: a qrels file <c>qid jg docno rel_level</c>, every line in sub group "0").
/// Exactly five (four) fields per line; <c>#</c> comments and blank lines skipped as in <see cref="QrelsReader"/>.
/// Strict (default): rel_level must be a finite decimal number and the file must hold a judgment; lenient: read with
/// atof as trec_eval does, and the lines where that changed what was written are counted.
/// </summary>
internal static class PrefsReader
{
    private static readonly byte[] QrelsSubGroup = "0"u8.ToArray();

    /// <summary>Reads the file; <paramref name="qrelsFormat"/> selects <c>qrels_prefs</c> (four fields).</summary>
    public static TrecPreferences Read(string path, bool qrelsFormat, bool lenient)
    {
        byte[] bytes;
        using (var input = InputFile.Open(path, "prefs file"))
        {
            try
            {
                bytes = input.ReadAll();
            }
            catch (Exception e) when (InputFile.IsReadFailure(e))
            {
                throw input.Failure(path, "prefs file", e);
            }
        }

        return Parse(bytes, path, qrelsFormat, lenient);
    }

    public static TrecPreferences Parse(ReadOnlySpan<byte> data, string name, bool qrelsFormat, bool lenient)
    {
        var fields = qrelsFormat ? 4 : 5;
        var queries = new Dictionary<string, List<PreferenceJudgment>>(StringComparer.Ordinal);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Span<int> starts = stackalloc int[6];
        Span<int> lengths = stackalloc int[6];
        long lineNo = 0;
        long coerced = 0;
        long judgments = 0;
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

            if (n != fields)
            {
                var layout = qrelsFormat ? "qid jg docno rel_level" : "qid jg jsg docno rel_level";
                throw new EvaluationException(
                    $"{name}:{lineNo}: malformed {(qrelsFormat ? "qrels_prefs" : "prefs")} line: expected {fields} fields ({layout}), found {(n > fields ? "more" : n)}",
                    EvaluationError.Malformed);
            }

            var relField = line.Slice(starts[fields - 1], lengths[fields - 1]);
            var rel = CNumber.Atof(relField);
            if (!CNumber.IsStrictDecimal(relField, rel))
            {
                if (!lenient)
                {
                    throw new EvaluationException(
                        $"{name}:{lineNo}: rel_level '{Encoding.UTF8.GetString(relField)}' is not a finite decimal number (--lenient reads it with atof as trec_eval does: {rel.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
                        EvaluationError.Malformed);
                }

                coerced++;
            }

            var qid = Encoding.UTF8.GetString(line.Slice(starts[0], lengths[0]));
            if (!queries.TryGetValue(qid, out var list))
            {
                queries.Add(qid, list = []);
            }

            var group = Intern(keys, line.Slice(starts[1], lengths[1]));
            var subGroup = qrelsFormat ? QrelsSubGroup : Intern(keys, line.Slice(starts[2], lengths[2]));
            var docNo = line.Slice(starts[fields - 2], lengths[fields - 2]).ToArray();
            list.Add(new PreferenceJudgment(group, subGroup, docNo, rel));
            judgments++;
        }

        if (judgments == 0)
        {
            // trec_eval fails too: "Cannot read prefs file" for an empty file; a comment-only one is undefined there.
            throw new EvaluationException($"{name}:{Math.Max(lineNo, 1)}: the prefs file holds no judgment (empty, or only comments and blank lines)", EvaluationError.Malformed);
        }

        return new TrecPreferences(name, queries, coerced);
    }

    private static byte[] Intern(Dictionary<string, byte[]> keys, ReadOnlySpan<byte> field)
    {
        var s = Encoding.UTF8.GetString(field);
        if (!keys.TryGetValue(s, out var bytes) || !bytes.AsSpan().SequenceEqual(field))
        {
            bytes = field.ToArray();
            keys[s] = bytes;
        }

        return bytes;
    }
}
