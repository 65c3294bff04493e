using Harness.Abstractions.Datasets;
using Harness.Training;

namespace Harness.Core.Running;

/// <summary>
/// Turns the trainer's per-query negatives record into the per-epoch rows of negatives.parquet: how many negatives
/// were sampled, how many requests fell short, and how many negatives were in fact hidden positives of their query
/// (false negatives), sampled directly or met in the batch as another query's candidate. Samplers do not report
/// first-stage ranks, so the rank columns stay empty.
/// </summary>
public static class NegativesSummary
{
    /// <summary>Summarises a record per epoch.</summary>
    /// <param name="records">The trainer's record.</param>
    /// <param name="positives">The training split's labelled judgments.</param>
    /// <param name="hidden">The training split's hidden positives (known false negatives).</param>
    /// <returns>One row per epoch, in epoch order.</returns>
    public static IReadOnlyList<SamplerEpochStats> PerEpoch(IReadOnlyList<NegativesRecord> records, Qrels positives, Qrels hidden)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(hidden);
        bool IsHidden(string query, string doc) => hidden.Grade(query, doc) is > 0;
        bool IsPositive(string query, string doc) => positives.Grade(query, doc) is > 0 || IsHidden(query, doc);
        var rows = new List<SamplerEpochStats>();
        foreach (var epoch in records.GroupBy(r => r.Epoch).OrderBy(g => g.Key))
        {
            var used = epoch.Where(r => r.Used).ToList();
            var dropped = epoch.Where(r => !r.Used).ToList();
            long inBatch = 0;
            foreach (var step in used.GroupBy(r => r.Step))
            {
                var batch = step.ToList();
                foreach (var r in batch)
                {
                    inBatch += batch.Where(o => !ReferenceEquals(o, r))
                        .SelectMany(o => o.PositiveIds.Concat(o.Sample.DocumentIds))
                        .Distinct(StringComparer.Ordinal)
                        .Count(d => !r.PositiveIds.Contains(d) && IsPositive(r.QueryId, d));
                }
            }

            rows.Add(new SamplerEpochStats(
                Epoch: epoch.Key,
                Queries: used.Count,
                Negatives: used.Sum(r => (long)r.Sample.DocumentIds.Count),
                Shortfalls: used.Count(r => r.Sample.Shortfall is not null),
                RankMin: null,
                RankMedian: null,
                RankMax: null,
                FalseNegatives: used.Sum(r => (long)r.Sample.DocumentIds.Count(d => IsHidden(r.QueryId, d))),
                InBatchFalseNegatives: inBatch,
                Dropped: dropped.Sum(r => (long)r.Sample.DocumentIds.Count),
                DroppedFalseNegatives: dropped.Sum(r => (long)r.Sample.DocumentIds.Count(d => IsHidden(r.QueryId, d)))));
        }

        return rows;
    }
}
