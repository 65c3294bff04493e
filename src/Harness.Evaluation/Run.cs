using Harness.Evaluation.Parsing;

namespace Harness.Evaluation;

/// <summary>
/// A retrieval run held in memory: query → (docno, score) pairs in any order. The evaluator ranks them the way
/// trec_eval does (score descending, ties by docno descending). Build with <see cref="Add"/> or read with <see cref="Load"/>.
/// </summary>
public sealed class Run
{
    private readonly Dictionary<string, List<(string DocNo, double Score)>> _queries = new(StringComparer.Ordinal);

    /// <summary>Creates an empty run.</summary>
    public Run(string runId = "")
    {
        RunId = runId;
    }

    /// <summary>The run's name (trec_eval's <c>runid</c>).</summary>
    public string RunId { get; set; }

    /// <summary>The query ids with at least one result.</summary>
    public IEnumerable<string> QueryIds => _queries.Keys;

    /// <summary>The number of (query, document) results.</summary>
    public long Count { get; private set; }

    /// <summary>Reads a whole run file into memory (<c>qid iter docno rank sim runid</c>).</summary>
    public static Run Load(string path) => RunFileReader.ReadToMemory(path);

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
