namespace Harness.Leaderboard.Aggregation;

/// <summary>What a configuration's negative sampler produced, summed over epochs and seeds (from negatives.parquet).</summary>
/// <param name="Negatives">Negatives returned.</param>
/// <param name="FalseNegatives">Returned negatives that are in fact relevant.</param>
/// <param name="InBatchFalseNegatives">In-batch negatives that are relevant to the query.</param>
/// <param name="Dropped">Negatives dropped (for example by a false-negative filter).</param>
/// <param name="DroppedFalseNegatives">Dropped negatives that were relevant.</param>
/// <param name="Shortfalls">Queries that got fewer negatives than asked.</param>
public sealed record NegativeSummary(long Negatives, long FalseNegatives, long InBatchFalseNegatives, long Dropped, long DroppedFalseNegatives, long Shortfalls)
{
    /// <summary>False negatives per returned negative (NaN when none were returned).</summary>
    public double FalseNegativeRate => Negatives == 0 ? double.NaN : (double)FalseNegatives / Negatives;
}
