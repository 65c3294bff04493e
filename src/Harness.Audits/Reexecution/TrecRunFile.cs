using System.Globalization;

namespace Harness.Audits.Reexecution;

/// <summary>
/// Reads a run file (<c>qid Q0 docno rank score tag</c>) into ranked document lists per query, ordered as trec_eval
/// orders them: by score descending, ties by docno descending. Written here (not Harness.Evaluation's reader, which
/// is built for evaluation speed over bytes) because the audit needs only the ordered docnos.
/// </summary>
public static class TrecRunFile
{
    /// <summary>Reads a run file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Document ids per query, best first.</returns>
    /// <exception cref="FormatException">A line that does not have six fields or whose score is not a number; the message gives file and line.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string path)
    {
        var byQuery = new Dictionary<string, List<(string Doc, double Score)>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 6 || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new FormatException($"{path}:{lineNumber}: not a run line (qid Q0 docno rank score tag)");
            }

            if (!byQuery.TryGetValue(f[0], out var list))
            {
                byQuery[f[0]] = list = [];
            }

            list.Add((f[2], score));
        }

        return byQuery.ToDictionary(
            q => q.Key,
            q => (IReadOnlyList<string>)q.Value
                .OrderByDescending(d => d.Score)
                .ThenByDescending(d => d.Doc, StringComparer.Ordinal)
                .Select(d => d.Doc)
                .ToList(),
            StringComparer.Ordinal);
    }
}
