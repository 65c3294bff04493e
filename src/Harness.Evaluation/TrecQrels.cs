using System.Text;
using Harness.Evaluation.Internal.Parsing;
using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation;

/// <summary>
/// Relevance judgments in trec_eval's sense: query → docno → level (&gt;= <c>-l</c> relevant, 0 judged non-relevant,
/// negative judged but unjudgeable). Build in memory with <see cref="Add"/> or read a qrels file with <see cref="Load"/>.
/// </summary>
public sealed class TrecQrels
{
    private readonly ByteKeyMap _queryIndex = new(64);
    private readonly List<JudgedQuery> _queries = [];
    private readonly Lock _sealLock = new();
    private JudgedQuery[]? _ordered;

    /// <summary>The number of judged queries.</summary>
    public int QueryCount => _queries.Count;

    /// <summary>Query ids in trec_eval's order (strcmp: ordinal on UTF-8 bytes).</summary>
    public IEnumerable<string> QueryIds => Ordered.Select(q => q.QueryId);

    internal ByteKeyMap QueryIndex => _queryIndex;

    internal IReadOnlyList<JudgedQuery> Queries => _queries;

    /// <summary>Queries sorted by strcmp of their ids (computed once after the last change; safe to share between threads
    /// that only evaluate).</summary>
    internal JudgedQuery[] Ordered
    {
        get
        {
            var ordered = Volatile.Read(ref _ordered);
            if (ordered is not null)
            {
                return ordered;
            }

            lock (_sealLock)
            {
                return _ordered ??= Seal();
            }
        }
    }

    /// <summary>
    /// <c>--lenient</c> only: the lines whose relevance was not an integer and was read with atol as trec_eval does.
    /// </summary>
    public long CoercedLines { get; internal set; }

    /// <summary>
    /// Reads qrels (<c>qid iter docno rel</c>, <c>#</c> comments) from a file, <c>-</c> (standard input), a FIFO or a
    /// gzip/xz-compressed file. Strict unless <paramref name="lenient"/>: see <see cref="EvaluationError.Malformed"/>.
    /// </summary>
    /// <exception cref="EvaluationException">Unreadable, malformed (<c>file:line: what</c>), empty, or a duplicate docno.</exception>
    public static TrecQrels Load(string path, bool lenient = false) => QrelsReader.Read(path, lenient);

    /// <summary>
    /// The bridge from any other judgments representation, e.g. <c>TrecQrels.From(dataset.GetQrels(split).All())</c>
    /// for Harness.Abstractions' Qrels.
    /// </summary>
    /// <exception cref="EvaluationException">A (query, document) pair given twice.</exception>
    public static TrecQrels From(IEnumerable<(string QueryId, string DocumentId, int Grade)> judgments)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        var qrels = new TrecQrels();
        foreach (var (q, d, g) in judgments)
        {
            qrels.Add(q, d, g);
        }

        return qrels;
    }

    /// <summary>Adds one judgment.</summary>
    /// <exception cref="EvaluationException">The docno is already judged for this query.</exception>
    public void Add(string queryId, string docNo, int relevance)
    {
        ArgumentNullException.ThrowIfNull(queryId);
        ArgumentNullException.ThrowIfNull(docNo);
        if (!TryAdd(Encoding.UTF8.GetBytes(queryId), Encoding.UTF8.GetBytes(docNo), relevance))
        {
            throw new EvaluationException($"duplicate docno {docNo} in qrels query {queryId}", EvaluationError.CannotCalculate);
        }
    }

    /// <summary>The level of a document for a query, or null when it is not judged.</summary>
    public int? Relevance(string queryId, string docNo)
    {
        var q = _queryIndex.IndexOf(Encoding.UTF8.GetBytes(queryId));
        if (q < 0)
        {
            return null;
        }

        var d = _queries[q].Documents.IndexOf(Encoding.UTF8.GetBytes(docNo));
        return d < 0 ? null : _queries[q].Documents.ValueAt(d);
    }

    internal bool TryAdd(ReadOnlySpan<byte> queryId, ReadOnlySpan<byte> docNo, int relevance)
    {
        if (_ordered is not null)
        {
            // Only when set: no volatile write per qrels line on the load path.
            Volatile.Write(ref _ordered, null);
        }

        var index = _queryIndex.Add(queryId, _queries.Count, out var added);
        if (added)
        {
            _queries.Add(new JudgedQuery(Encoding.UTF8.GetString(queryId), _queries.Count));
        }

        var query = _queries[_queryIndex.ValueAt(index)];
        query.Documents.Add(docNo, relevance, out var newDoc);
        return newDoc;
    }

    internal JudgedQuery? Find(ReadOnlySpan<byte> queryId)
    {
        var i = _queryIndex.IndexOf(queryId);
        return i < 0 ? null : _queries[_queryIndex.ValueAt(i)];
    }

    private JudgedQuery[] Seal()
    {
        foreach (var q in _queries)
        {
            q.Seal();
        }

        // strcmp order: unsigned bytes of the UTF-8 ids (not UTF-16 ordinal order).
        var ordered = _queries.ToArray();
        var keys = new byte[ordered.Length][];
        for (var i = 0; i < ordered.Length; i++)
        {
            keys[i] = _queryIndex.KeyAt(i).ToArray();
        }

        Array.Sort(keys, ordered, StrcmpComparer.Instance);
        return ordered;
    }
}
