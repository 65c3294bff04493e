namespace Harness.Evaluation;

/// <summary>The values of one query, indexed like <see cref="EvaluationResult.Columns"/>.</summary>
public sealed class QueryEvaluation
{
    private readonly EvaluationResult _owner;

    internal QueryEvaluation(EvaluationResult owner, string queryId, double[] values, bool missingFromRun)
    {
        _owner = owner;
        QueryId = queryId;
        Values = values;
        MissingFromRun = missingFromRun;
    }

    public string QueryId { get; }

    /// <summary>Values in column order (gm_map and gm_bpref hold the log, as trec_eval prints them).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>True when the query had no results and was scored as an empty ranking (<c>-c</c>).</summary>
    public bool MissingFromRun { get; }

    /// <summary>The value printed under <paramref name="name"/>.</summary>
    public double this[string name] => Values[_owner.ColumnIndex(name)];
}
