using Harness.Evaluation.Internal.Parsing;

namespace Harness.Evaluation;

/// <summary>
/// trec_eval's qrels_jg judgments (<c>-R qrels_jg</c>, get_qrels_jg.c): qrels lines whose second field names a
/// judgment group (one assessor's judgments); a query can be judged by several groups. The *_avgjg measures average
/// over a query's groups (<see cref="Evaluator.EvaluateJudgmentGroups"/>).
/// </summary>
public sealed class TrecJudgmentGroups
{
    private readonly Dictionary<string, List<string>> _groupsOf;

    private TrecJudgmentGroups(Dictionary<string, TrecQrels> groups)
    {
        // strcmp order of group names (get_qrels_jg.c sorts by qid, then jg), as the C sums them.
        Groups = [.. groups.OrderBy(g => g.Key, StrcmpOrder.Instance).Select(g => (g.Key, g.Value))];
        _groupsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, qrels) in Groups)
        {
            foreach (var q in qrels.QueryIds)
            {
                if (!_groupsOf.TryGetValue(q, out var list))
                {
                    _groupsOf.Add(q, list = []);
                }

                list.Add(name);
            }
        }

        QueryIds = [.. _groupsOf.Keys.OrderBy(q => q, StrcmpOrder.Instance)];
    }

    /// <summary>Each group's judgments, groups in strcmp order of their names.</summary>
    public IReadOnlyList<(string Name, TrecQrels Qrels)> Groups { get; }

    /// <summary>Every judged query, in strcmp order.</summary>
    public IReadOnlyList<string> QueryIds { get; }

    /// <summary><c>--lenient</c> only: lines whose relevance was read with atol although not an integer.</summary>
    public long CoercedLines => Groups.Count == 0 ? 0 : Groups[0].Qrels.CoercedLines;

    /// <summary>Reads a qrels_jg file (same options and errors as <see cref="TrecQrels.Load"/>).</summary>
    public static TrecJudgmentGroups Load(string path, bool lenient = false) => new(QrelsReader.ReadGroups(path, lenient));

    /// <summary>The groups that judged <paramref name="queryId"/>, in strcmp order.</summary>
    public IReadOnlyList<string> GroupsOf(string queryId) => _groupsOf.TryGetValue(queryId, out var g) ? g : [];

    /// <summary>strcmp order of UTF-8 strings.</summary>
    private sealed class StrcmpOrder : IComparer<string>
    {
        public static StrcmpOrder Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            System.Text.Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y ?? string.Empty));
    }
}
