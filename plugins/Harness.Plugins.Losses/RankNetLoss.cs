using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// RankNet (Burges et al., 2005): for every pair of one query's candidates where i is more relevant than j (a higher
/// graded label), the cross-entropy between the target probability 1 and the modelled P_ij = σ(σ_s·(s_i − s_j)):
/// <c>C_ij = log(1 + exp(−σ_s·(s_i − s_j)))</c>, with σ_s = 1 as in the paper. Graded rows make pairs between grades
/// too (a grade-2 positive above a grade-1 one). The pair costs are averaged (the paper sums; the mean keeps the scale
/// independent of the list length) with weights row × w_i × w_j; masked and excluded columns take part in no pair.
/// </summary>
/// <param name="sigma">σ_s, the sigmoid's steepness (1 in the paper).</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives of a query too.</param>
public sealed class RankNetLoss(double sigma, SimilarityFunction similarity, bool inBatchNegatives) : ScoreLevelLoss(similarity, inBatchNegatives)
{
    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var (d, valid, weights, _, _) = GradedPairs.Build(batch);
        return LossMath.WeightedMean(d.Times(-sigma).Softplus(), valid, weights);
    }
}
