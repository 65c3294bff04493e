using Harness.Abstractions.Losses;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// The ordered pairs of pairwise learning to rank on graded labels: within each row, every valid entry i that should
/// rank above a valid entry j (label_i &gt; label_j). Only a positive can rank above anything, so the pairs are built as
/// [B, P, N] (P = the most positives of a row), O(B·P·N) memory rather than O(B·N²), like
/// <see cref="LossMath.PairDifferences"/> but also pairing a higher grade with a lower one.
/// </summary>
internal static class GradedPairs
{
    /// <summary>
    /// Score differences s_i − s_j [B, P, N], which pairs exist (label_i &gt; label_j, both valid), pair weights
    /// (row weight × w_i × w_j), the higher entry's index into the columns [B, P] and its validity [B, P].
    /// </summary>
    public static (Tensor Differences, Tensor Valid, Tensor Weights, Tensor Index, Tensor IndexValid) Build(ScoreBatch batch)
    {
        var positive = LossMath.Positives(batch);
        var valid = LossMath.Valid(batch);
        var p = Math.Max(1L, positive.sum(1).max().item<long>());
        var (isPositive, index) = positive.to(ScalarType.Float32).topk((int)p, dim: 1, largest: true, sorted: true);
        var indexValid = isPositive.gt(0);
        var higher = batch.Scores.gather(1, index);
        var higherLabels = batch.Labels.gather(1, index);
        var differences = higher.unsqueeze(2) - batch.Scores.unsqueeze(1);
        var pairs = indexValid.unsqueeze(2)
            .logical_and(valid.unsqueeze(1))
            .logical_and(higherLabels.unsqueeze(2).gt(batch.Labels.unsqueeze(1)));
        var columns = LossMath.ColumnWeights(batch);
        var weights = LossMath.RowWeights(batch).reshape(-1, 1, 1) * columns.gather(1, index).unsqueeze(2) * columns.unsqueeze(1);
        return (differences, pairs, weights, index, indexValid);
    }
}
