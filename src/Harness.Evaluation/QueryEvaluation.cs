namespace Harness.Evaluation;

/// <summary>The values of one query, indexed like <see cref="EvaluationResult.Columns"/>.</summary>
public sealed class QueryEvaluation
{
    private readonly EvaluationResult _owner;

    private readonly string?[]? _texts;

    internal QueryEvaluation(EvaluationResult owner, string queryId, double[] values, bool missingFromRun, string?[]? texts)
    {
        _owner = owner;
        _texts = texts;
        QueryId = queryId;
        Values = values;
        MissingFromRun = missingFromRun;
    }

    public string QueryId { get; }

    /// <summary>Values in column order (gm_map and gm_bpref hold the log, as trec_eval prints them).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>True when the query had no results and was scored as an empty ranking (<c>-c</c>).</summary>
    public bool MissingFromRun { get; }

    /// <summary>The string of a <see cref="Measures.MeasureValueKind.QueryText"/> column (relstring), else "".</summary>
    public string TextAt(int column) => _texts?[column] ?? string.Empty;

    /// <summary>The value printed under <paramref name="name"/>.</summary>
    public double this[string name] => Values[_owner.ColumnIndex(name)];
}
