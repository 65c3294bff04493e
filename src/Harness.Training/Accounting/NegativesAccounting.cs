using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Losses;

namespace Harness.Training.Accounting;

/// <summary>
/// Counts, per epoch, what a negative sampler handed the loss and how much of it was in fact relevant, against the
/// FULL dataset's hidden positives (the host's side of contract principle 1: samplers never see hidden positives, the
/// host alone counts false negatives). Reads only the trainer's <see cref="NegativesRecord"/>s: the ids each row
/// handed the loss, which rows shared a loss batch (for in-batch negatives), and the sampler's per-negative ranks and
/// dropped candidates when it reports them. A document is a hidden positive of a query when the hidden positives hold
/// it with a grade ≥ the cell's positive grade (the single definition of a positive).
/// </summary>
public sealed class NegativesAccounting
{
    private readonly Qrels _hidden;
    private readonly TrainingDataView _training;
    private readonly int _positiveGrade;

    /// <summary>Creates the accounting for one cell.</summary>
    /// <param name="hiddenPositives">The full dataset's hidden positives of the trained split.</param>
    /// <param name="trainingJudgments">The trained split's judgments (to tell which in-batch columns were excluded).</param>
    /// <param name="positiveGrade">The cell's labelled-positive threshold (≥ 1).</param>
    public NegativesAccounting(Qrels hiddenPositives, Qrels trainingJudgments, int positiveGrade)
    {
        ArgumentNullException.ThrowIfNull(hiddenPositives);
        ArgumentNullException.ThrowIfNull(trainingJudgments);
        ArgumentOutOfRangeException.ThrowIfLessThan(positiveGrade, 1);
        _hidden = hiddenPositives;
        _training = TrainingDataView.FromParts("training judgments", [], [], trainingJudgments, positiveGrade);
        _positiveGrade = positiveGrade;
    }

    /// <summary>Creates the accounting from the full dataset (hidden positives and judgments of the split).</summary>
    /// <param name="dataset">The FULL dataset (never the training view).</param>
    /// <param name="split">The trained split.</param>
    /// <param name="positiveGrade">The cell's labelled-positive threshold.</param>
    /// <returns>The accounting.</returns>
    public static NegativesAccounting For(IDataset dataset, Split split, int positiveGrade)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new NegativesAccounting(dataset.GetHiddenPositives(split), dataset.GetQrels(split), positiveGrade);
    }

    /// <summary>Whether a document is a hidden positive of a query.</summary>
    /// <param name="queryId">The query.</param>
    /// <param name="documentId">The document.</param>
    /// <returns>True when the hidden positives hold the pair at or above the positive grade.</returns>
    public bool IsHiddenPositive(string queryId, string documentId) => _hidden.IsRelevant(queryId, documentId, _positiveGrade);

    /// <summary>One row per epoch present in <paramref name="records"/>, in epoch order.</summary>
    /// <param name="records">The trainer's negatives record (<see cref="TrainingResult.Negatives"/>).</param>
    /// <param name="sampler">The sampler's plugin id.</param>
    /// <param name="inBatchNegatives">Whether the loss used other rows' candidates as negatives (its capabilities
    /// say so); when false, in-batch false negatives are 0.</param>
    /// <returns>The per-epoch accounts.</returns>
    public IReadOnlyList<NegativesAccount> Count(IReadOnlyList<NegativesRecord> records, string sampler, bool inBatchNegatives)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrWhiteSpace(sampler);
        return records
            .GroupBy(r => r.Epoch)
            .OrderBy(g => g.Key)
            .Select(g => CountEpoch(g.Key, g.ToList(), sampler, inBatchNegatives))
            .ToList();
    }

    private NegativesAccount CountEpoch(int epoch, List<NegativesRecord> rows, string sampler, bool inBatchNegatives)
    {
        long negatives = 0, shortfalls = 0, falseNegatives = 0, dropped = 0, droppedFalse = 0, inBatchFalse = 0;
        var ranks = new List<int>();
        foreach (var r in rows)
        {
            var sample = r.Sample;
            if (sample.Shortfall is not null)
            {
                shortfalls++;
            }

            foreach (var d in DroppedOf(sample))
            {
                dropped++;
                if (IsHiddenPositive(r.QueryId, d))
                {
                    droppedFalse++;
                }
            }

            if (!r.Used)
            {
                continue;
            }

            var rowRanks = RanksOf(sample);
            for (var i = 0; i < sample.DocumentIds.Count; i++)
            {
                negatives++;
                if (IsHiddenPositive(r.QueryId, sample.DocumentIds[i]))
                {
                    falseNegatives++;
                }

                if (rowRanks is not null && rowRanks[i] >= 0)
                {
                    ranks.Add(rowRanks[i]);
                }
            }
        }

        if (inBatchNegatives)
        {
            foreach (var batch in rows.Where(r => r.Used).GroupBy(r => (r.Step, r.MicroBatch)))
            {
                inBatchFalse += CountInBatch(batch.ToList());
            }
        }

        ranks.Sort();
        long? min = ranks.Count == 0 ? null : ranks[0];
        long? max = ranks.Count == 0 ? null : ranks[^1];
        double? median = ranks.Count == 0 ? null
            : ranks.Count % 2 == 1 ? ranks[ranks.Count / 2]
            : (ranks[(ranks.Count / 2) - 1] + ranks[ranks.Count / 2]) / 2.0;
        return new NegativesAccount(epoch + 1, sampler, rows.Count, negatives, shortfalls, min, median, max, falseNegatives, inBatchFalse, dropped, droppedFalse);
    }

    /// <summary>For each row, the other rows' candidates (positives, then negatives) that were not excluded for it and
    /// are hidden positives of its query. Which columns are excluded is decided by the one in-batch exclusion rule,
    /// <see cref="LossMath.BuildInBatchExcluded"/> (the mask the batch builder hands the loss), so the accounting
    /// counts exactly the columns the loss could use as negatives.</summary>
    private long CountInBatch(List<NegativesRecord> batch)
    {
        var b = batch.Count;
        var columns = batch.Select(r => (IReadOnlyList<string?>)r.PositiveIds.Concat(r.Sample.DocumentIds).ToList<string?>()).ToList();
        var labels = batch.Select(r => (IReadOnlyList<float>)r.PositiveIds.Select(_ => 1f).Concat(r.Sample.DocumentIds.Select(_ => 0f)).ToList()).ToList();
        var m = Math.Max(1, columns.Max(c => c.Count));
        using var mask = LossMath.BuildInBatchExcluded(batch.Select(r => r.QueryId).ToList(), columns, labels, _training, m);
        var excluded = mask.data<bool>().ToArray();
        long count = 0;
        for (var i = 0; i < b; i++)
        {
            for (var j = 0; j < b; j++)
            {
                for (var c = 0; j != i && c < columns[j].Count; c++)
                {
                    if (!excluded[(((long)i * b) + j) * m + c] && IsHiddenPositive(batch[i].QueryId, columns[j][c]!))
                    {
                        count++;
                    }
                }
            }
        }

        return count;
    }

    private static IReadOnlyList<int>? RanksOf(NegativeSample sample) =>
        sample.Ranks is { } ranks && ranks.Count == sample.DocumentIds.Count ? ranks : null;

    private static IReadOnlyList<string> DroppedOf(NegativeSample sample) => sample.Dropped ?? [];
}
