namespace Harness.Results.Schema;

/// <summary>One row of <c>negatives.parquet</c>: what the negative sampler produced in one epoch.</summary>
/// <param name="CellId">The cell's id.</param>
/// <param name="Epoch">Epoch (from 1).</param>
/// <param name="Sampler">Negative sampler plugin id.</param>
/// <param name="Queries">Training queries sampled for.</param>
/// <param name="Negatives">Negatives returned.</param>
/// <param name="Shortfalls">Queries for which the sampler returned fewer negatives than asked.</param>
/// <param name="RankMin">Smallest retrieval rank of a sampled negative (null when the sampler does not rank or returned none).</param>
/// <param name="RankMedian">Median retrieval rank of the sampled negatives (null as for <paramref name="RankMin"/>).</param>
/// <param name="RankMax">Largest retrieval rank of a sampled negative (null as for <paramref name="RankMin"/>).</param>
/// <param name="FalseNegatives">Returned negatives that are in fact relevant (hidden positives).</param>
/// <param name="InBatchFalseNegatives">In-batch negatives (other queries' positives) that are relevant to the query.</param>
/// <param name="Dropped">Negatives the sampler dropped (for example a false-negative filter).</param>
/// <param name="DroppedFalseNegatives">Dropped negatives that were in fact relevant.</param>
public sealed record NegativesRow(
    string CellId,
    int Epoch,
    string Sampler,
    long Queries,
    long Negatives,
    long Shortfalls,
    long? RankMin,
    double? RankMedian,
    long? RankMax,
    long FalseNegatives,
    long InBatchFalseNegatives,
    long Dropped,
    long DroppedFalseNegatives);
