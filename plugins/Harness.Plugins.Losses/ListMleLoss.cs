using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// ListMLE (Xia et al., 2008): the negative log-likelihood of the ground-truth permutation π (candidates by descending
/// graded label) under the Plackett-Luce model of the scores:
/// <c>L = −Σ_k [ s_π(k) − log Σ_{j ≥ k} exp(s_π(j)) ]</c> over one query's valid candidates. By default the sum runs
/// over the positions of the labelled positives only (top-k ListMLE, Xia, Liu and Li, 2009, with k = the number of
/// positives): the order among unjudged-as-relevant negatives is not ground truth, and with it in the sum, lowering a
/// negative's score could raise the loss. <c>allPositions</c> gives the 2008 paper's full permutation. Ties between
/// equal labels are broken at random from the batch's generator; without a generator, by column order. A column weight w scales the term of its
/// candidate and enters the denominators as log w (a zero weight removes the candidate); queries are averaged with
/// their row weights. Masked and excluded columns take no part.
/// </summary>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives of a query too.</param>
/// <param name="allPositions">True: every position's term (the 2008 paper); false: the positives' positions (top-k).</param>
public sealed class ListMleLoss(SimilarityFunction similarity, bool inBatchNegatives, bool allPositions = false) : ScoreLevelLoss(similarity, inBatchNegatives)
{
    private static readonly Scalar TinyWeight = 1e-45.ToScalar();

    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var valid = LossMath.Valid(batch);
        var weights = LossMath.ColumnWeights(batch);
        var keep = valid.logical_and(weights.gt(Scalars.Zero));
        var order = Permutation(batch, keep);
        var scores = batch.Scores.gather(1, order);
        var kept = keep.gather(1, order);
        var w = weights.gather(1, order);
        var logits = scores.Plus(w.clamp_min(TinyWeight).log()).masked_fill(kept.logical_not(), Scalars.MaskedLogit);

        // log Σ_{j ≥ k} exp(logit_j): a reversed cumulative log-sum-exp.
        var tail = logits.flip(1).logcumsumexp(1).flip(1);
        var counted = allPositions ? kept : kept.logical_and(batch.Labels.gather(1, order).gt(Scalars.Zero));
        var terms = ((scores - tail) * w).masked_fill(counted.logical_not(), Scalars.Zero);
        var perRow = -terms.sum(1);
        var rows = ones(perRow.shape[0], dtype: ScalarType.Bool, device: perRow.device);
        return LossMath.WeightedMean(perRow, rows, LossMath.RowWeights(batch));
    }

    /// <summary>Columns in ground-truth order: kept entries first, by descending label, ties by a random key.</summary>
    private static Tensor Permutation(ScoreBatch batch, Tensor keep)
    {
        using var _ = no_grad();
        var shape = batch.Scores.shape;
        var device = batch.Scores.device;
        using var width = shape[1].ToScalar();
        var order = batch.Generator is { } generator
            ? rand(shape, dtype: ScalarType.Float32, generator: generator).to(device).argsort(1)
            : arange(Scalars.Zero, width, Scalars.One, device: device).unsqueeze(0).expand(shape).contiguous();
        order = order.gather(1, batch.Labels.gather(1, order).sort(1, descending: true, stable: true).Indices);
        return order.gather(1, keep.gather(1, order).to(ScalarType.Float32).sort(1, descending: true, stable: true).Indices);
    }
}
