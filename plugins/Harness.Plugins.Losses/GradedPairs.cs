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
        // Differences and weights are LossMath.PairDifferences' own; only which pairs exist differs (a higher grade
        // against any valid lower entry, not only positive against negative).
        var (differences, _, weights) = LossMath.PairDifferences(batch);
        var (index, indexValid) = LossMath.PositiveColumns(batch);
        var pairs = indexValid.unsqueeze(2)
            .logical_and(LossMath.Valid(batch).unsqueeze(1))
            .logical_and(batch.Labels.gather(1, index).unsqueeze(2).gt(batch.Labels.unsqueeze(1)));
        return (differences, pairs, weights, index, indexValid);
    }
}
