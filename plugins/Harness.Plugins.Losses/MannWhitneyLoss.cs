using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// The Mann-Whitney (MW) loss of Sheikholeslami et al. (2025): binary cross-entropy with logits over the score
/// difference of every (positive, negative) pair, <c>BCE(σ((s⁺ − s⁻)/τ), 1) = softplus(−(s⁺ − s⁻)/τ)</c>, averaged
/// over the pairs. Minimising it maximises a smooth Mann-Whitney U statistic, which equals the AUC. As in the paper the
/// pairs are formed across the whole batch (<c>scope = batch</c>): every labelled (query, positive) score against every
/// (query', negative) score, which is what makes the scores comparable across queries (calibration); <c>scope =
/// query</c> restricts pairs to one query's own list (a named deviation, the per-query AUC). The paper uses no
/// temperature (τ = 1). Weights: a pair weighs w⁺·w⁻, each being its row's weight times its column's weight
/// (<see cref="LossBatch.Weights"/>); masked and excluded columns take part in no pair.
/// </summary>
/// <param name="temperature">τ &gt; 0 (1 = the paper).</param>
/// <param name="acrossQueries">True: pairs across the batch (the paper); false: within each query.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives of a query too.</param>
public sealed class MannWhitneyLoss(double temperature, bool acrossQueries, SimilarityFunction similarity, bool inBatchNegatives) : ScoreLevelLoss(similarity, inBatchNegatives)
{
    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        if (!acrossQueries)
        {
            var (d, valid, weights) = LossMath.PairDifferences(batch);
            return LossMath.WeightedMean((-d).DividedBy(temperature).Softplus(), valid, weights);
        }

        // Every valid positive entry of the batch against every valid negative entry: [B·N, B·N] at most, O((B·N)²)
        // only in the flattened list of entries that exist (positives are few: P ≪ B·N).
        var scores = batch.Scores.reshape(-1);
        var weight = (LossMath.RowWeights(batch).unsqueeze(1) * LossMath.ColumnWeights(batch)).reshape(-1);
        var positive = LossMath.Positives(batch).reshape(-1).nonzero().squeeze(1);
        var negative = LossMath.Negatives(batch).reshape(-1).nonzero().squeeze(1);
        var differences = scores.index_select(0, positive).unsqueeze(1) - scores.index_select(0, negative).unsqueeze(0);
        var pairWeights = weight.index_select(0, positive).unsqueeze(1) * weight.index_select(0, negative).unsqueeze(0);
        var all = ones(differences.shape, dtype: ScalarType.Bool, device: differences.device);
        return LossMath.WeightedMean((-differences).DividedBy(temperature).Softplus(), all, pairWeights);
    }
}
