namespace Harness.Evaluation;

/// <summary>Per-query values (queries in trec_eval's strcmp order) and the <c>all</c> values.</summary>
public sealed class EvaluationResult
{
    private readonly Dictionary<string, int> _columnIndex;
    private readonly List<QueryEvaluation> _queries = [];

    internal EvaluationResult(string runId, IReadOnlyList<MeasureColumn> columns)
    {
        RunId = runId;
        Columns = columns;
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            _columnIndex.TryAdd(columns[i].Name, i);
        }

        Aggregate = new double[columns.Count];
    }

    public string RunId { get; }

    /// <summary>Whether the values are z-scores (trec_eval -Z): trec_eval then prints every measure line with a "Z" prefix.</summary>
    public bool IsZScores { get; init; }

    /// <summary><c>--lenient</c> only: run lines whose score was not a finite decimal number and was read with atof.</summary>
    public long CoercedRunLines { get; init; }

    public IReadOnlyList<MeasureColumn> Columns { get; }

    public IReadOnlyList<QueryEvaluation> Queries => _queries;

    /// <summary>The <c>all</c> values in column order (counts are sums; runid's slot is 0, see <see cref="RunId"/>).</summary>
    public IReadOnlyList<double> Aggregate { get; }

    /// <summary>The <c>all</c> value printed under <paramref name="name"/>.</summary>
    public double this[string name] => Aggregate[ColumnIndex(name)];

    internal double[] AggregateValues => (double[])Aggregate;

    internal void AddQuery(string queryId, double[] values, bool missing, string?[]? texts) =>
        _queries.Add(new QueryEvaluation(this, queryId, values, missing, texts));

    internal int ColumnIndex(string name) =>
        _columnIndex.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"no measure value named '{name}'");
}
