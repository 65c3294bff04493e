namespace Harness.Core.Running;

/// <summary>One measure's value for one query (<c>all</c> for the aggregate over the split's queries).</summary>
/// <param name="QueryId">The query, or <c>all</c>.</param>
/// <param name="Measure">The measure name (nDCG@10...).</param>
/// <param name="Value">The value.</param>
public readonly record struct QueryMetric(string QueryId, string Measure, double Value)
{
    /// <summary>The query id of aggregate rows.</summary>
    public const string All = "all";
}
