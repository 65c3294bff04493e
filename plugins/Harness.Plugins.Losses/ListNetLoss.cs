using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// ListNet (Cao et al., 2007), top-one approximation: for each query, the cross-entropy between the target
/// distribution softmax(labels / τ_label) over its valid candidates and the model's softmax(scores / τ):
/// <c>L_i = -Σ_k w_ik·t_ik·log p_ik</c>, the weighted mean over queries (query weights; w_ik are the candidate
/// weights, 1 without). Uses the graded labels, so a grade-2 document is pushed above a grade-1 one. A list is one
/// query's candidates: other queries' candidates are not involved, and masked candidates take no part.
/// </summary>
/// <param name="temperature">Score temperature τ.</param>
/// <param name="labelTemperature">Label temperature τ_label (smaller is closer to "all mass on the best grade").</param>
/// <param name="similarity">Dot or cosine.</param>
public sealed class ListNetLoss(double temperature, double labelTemperature, SimilarityFunction similarity) : ScoreLevelLoss(similarity, false)
{
    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var valid = LossMath.Valid(batch);
        var invalid = valid.logical_not();
        var target = batch.Labels.DividedBy(labelTemperature).masked_fill(invalid, Scalars.MaskedLogit).softmax(1);
        var logP = batch.Scores.DividedBy(temperature).masked_fill(invalid, Scalars.MaskedLogit).log_softmax(1);
        var perRow = -(target * logP * LossMath.ColumnWeights(batch)).masked_fill(invalid, Scalars.Zero).sum(1);
        var rows = ones(perRow.shape[0], dtype: ScalarType.Bool, device: perRow.device);
        return LossMath.WeightedMean(perRow, rows, LossMath.RowWeights(batch));
    }
}
