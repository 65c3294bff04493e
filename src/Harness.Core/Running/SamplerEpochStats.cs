namespace Harness.Core.Running;

/// <summary>What the negative sampler did in one epoch (the negatives.parquet row).</summary>
/// <param name="Epoch">The epoch.</param>
/// <param name="Queries">Queries sampled for.</param>
/// <param name="Negatives">Negatives returned.</param>
/// <param name="Shortfalls">Requests that got fewer than asked.</param>
/// <param name="RankMin">Lowest first-stage rank of a sampled negative, when the sampler ranks.</param>
/// <param name="RankMedian">Median rank.</param>
/// <param name="RankMax">Highest rank.</param>
/// <param name="FalseNegatives">Sampled negatives that are hidden positives.</param>
/// <param name="InBatchFalseNegatives">In-batch negatives that are positives of the query.</param>
/// <param name="Dropped">Negatives dropped by a filter.</param>
/// <param name="DroppedFalseNegatives">Dropped negatives that were hidden positives.</param>
public sealed record SamplerEpochStats(int Epoch, long Queries, long Negatives, long Shortfalls, long? RankMin, double? RankMedian, long? RankMax, long FalseNegatives, long InBatchFalseNegatives, long Dropped, long DroppedFalseNegatives);
