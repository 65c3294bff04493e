using Harness.Evaluation.Internal.Parsing;

namespace Harness.Evaluation;

/// <summary>
/// A retrieval run held in memory: query → (docno, score) pairs in any order. The evaluator ranks them the way
/// trec_eval does (score descending, ties by docno descending). Build with <see cref="Add"/> or read with <see cref="Load"/>.
/// </summary>
public sealed class TrecRun
{
    private readonly Dictionary<string, List<(string DocNo, double Score)>> _queries = new(StringComparer.Ordinal);

    /// <summary>Creates an empty run.</summary>
    public TrecRun(string runId = "")
    {
        RunId = runId;
    }

    /// <summary>The run's name (trec_eval's <c>runid</c>).</summary>
    public string RunId { get; set; }

    /// <summary>The query ids with at least one result.</summary>
    public IEnumerable<string> QueryIds => _queries.Keys;

    /// <summary>The number of (query, document) results.</summary>
    public long Count { get; private set; }

    /// <summary><c>--lenient</c> only: the lines whose score was not a finite decimal number and was read with atof.</summary>
    public long CoercedLines { get; internal set; }

    /// <summary>Reads a whole run into memory (<c>qid iter docno rank sim runid</c>; a file, <c>-</c>, a FIFO, gzip or xz).</summary>
    /// <exception cref="EvaluationException">Unreadable, or a malformed line (<c>file:line: what</c>).</exception>
    public static TrecRun Load(string path, bool lenient = false) => RunFileReader.ReadToMemory(path, lenient);

    /// <summary>The bridge from any ranked-list representation: (query, document, score) triples in any order.</summary>
    public static TrecRun From(string runId, IEnumerable<(string QueryId, string DocumentId, double Score)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var run = new TrecRun(runId);
        foreach (var (q, d, s) in results)
        {
            run.Add(q, d, s);
        }

        return run;
    }

    /// <summary>Adds one result.</summary>
    public void Add(string queryId, string docNo, double score)
    {
        ArgumentNullException.ThrowIfNull(queryId);
        ArgumentNullException.ThrowIfNull(docNo);
        if (!_queries.TryGetValue(queryId, out var list))
        {
            list = [];
            _queries.Add(queryId, list);
        }

        list.Add((docNo, score));
        Count++;
    }

    /// <summary>The results of one query in insertion order (empty when none).</summary>
    public IReadOnlyList<(string DocNo, double Score)> For(string queryId) =>
        _queries.TryGetValue(queryId, out var list) ? list : [];
}
