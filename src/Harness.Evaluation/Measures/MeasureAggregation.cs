namespace Harness.Evaluation.Measures;

/// <summary>How per-query values become the <c>all</c> value (trec_eval's acc_meas + calc_avg_meas).</summary>
internal enum MeasureAggregation
{
    /// <summary>Sum divided by the number of queries.</summary>
    Mean,

    /// <summary>Sum (counts).</summary>
    Sum,

    /// <summary>Per-query values are logs; exp of their mean.</summary>
    GeometricMean,

    /// <summary>No aggregate from query values (runid).</summary>
    None,
}
