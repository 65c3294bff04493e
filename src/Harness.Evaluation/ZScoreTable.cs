using System.Text;
using Harness.Evaluation.Internal.Parsing;

namespace Harness.Evaluation;

/// <summary>
/// trec_eval's <c>-Z</c> file (get_zscores.c): lines <c>qid measure mean stddev</c>. With it, every per-query value
/// v of a measure becomes (v - mean) / stddev (convert_zscores.c) before the <c>all</c> value is formed; a query or
/// measure not in the file, or a zero stddev with v != mean, gives -1000000 (MISSING_ZSCORE_VALUE), v == mean with
/// a zero stddev gives 0.
/// </summary>
public sealed class ZScoreTable
{
    /// <summary>trec_eval.h MISSING_ZSCORE_VALUE.</summary>
    public const double Missing = -1000000;

    private readonly Dictionary<(string Query, string Measure), (double Mean, double StdDev)> _entries;

    private ZScoreTable(Dictionary<(string, string), (double, double)> entries)
    {
        _entries = entries;
    }

    /// <summary>Reads a z-scores file.</summary>
    /// <exception cref="EvaluationException">Unreadable, or a line without exactly 4 fields (<c>file:line</c>, exit 2).</exception>
    public static ZScoreTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvaluationException($"{path}: cannot read zscores file: {e.Message}", EvaluationError.Unreadable);
        }

        if (data.Length == 0)
        {
            throw new EvaluationException($"{path}: the zscores file is empty", EvaluationError.Malformed);
        }

        var entries = new Dictionary<(string, string), (double, double)>();
        Span<int> starts = stackalloc int[5];
        Span<int> lengths = stackalloc int[5];
        var lineNo = 0;
        var pos = 0;
        while (pos < data.Length)
        {
            var nl = Array.IndexOf(data, (byte)'\n', pos);
            var end = nl < 0 ? data.Length : nl;
            var line = data.AsSpan(pos, end - pos);
            pos = end + 1;
            lineNo++;

            // parse_zscore_line: exactly four whitespace-separated fields; a blank line is malformed too.
            var n = LineFields.Split(line, starts, lengths, out _);
            if (n != 4)
            {
                throw new EvaluationException(
                    $"{path}:{lineNo}: malformed zscores line: expected 4 fields (qid measure mean stddev), found {(n > 4 ? "more" : n)}", EvaluationError.Malformed);
            }

            var qid = Encoding.UTF8.GetString(line.Slice(starts[0], lengths[0]));
            var measure = Encoding.UTF8.GetString(line.Slice(starts[1], lengths[1]));
            var mean = CNumber.Atof(line.Slice(starts[2], lengths[2]));
            var sd = CNumber.Atof(line.Slice(starts[3], lengths[3]));
            entries.TryAdd((qid, measure), (mean, sd));
        }

        return new ZScoreTable(entries);
    }

    /// <summary>convert_zscores.c for one value.</summary>
    internal double Convert(string queryId, string measure, double value)
    {
        if (!_entries.TryGetValue((queryId, measure), out var e))
        {
            return Missing;
        }

        if (e.StdDev != 0)
        {
            return (value - e.Mean) / e.StdDev;
        }

        return value == e.Mean ? 0 : Missing;
    }
}
