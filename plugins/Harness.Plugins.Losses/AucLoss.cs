using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// A differentiable surrogate of 1 - AUC (the Mann-Whitney statistic): the weighted mean, over every valid (query,
/// positive, negative) triple, of a penalty on the score difference d = s_qp - s_qn. AUC itself is the share of pairs
/// with d &gt; 0; the surrogate replaces the step function with <c>logistic</c>: softplus(-d/τ)·τ, <c>hinge</c>:
/// max(0, margin - d), or <c>squared</c>: (margin - d)² (Herschtal and Raskutti's squared-hinge form, without the max).
/// Triples are built per row over its own positives only (<see cref="LossMath.PairDifferences"/>), O(B·P·N) memory.
/// </summary>
/// <param name="surrogate">logistic, hinge or squared.</param>
/// <param name="margin">Margin of the hinge and squared forms.</param>
/// <param name="temperature">Temperature τ of the logistic form.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
public sealed class AucLoss(string surrogate, double margin, double temperature, SimilarityFunction similarity, bool inBatchNegatives) : ScoreLevelLoss(similarity, inBatchNegatives)
{
    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var (d, valid, weights) = LossMath.PairDifferences(batch);
        var penalty = surrogate switch
        {
            "logistic" => (-d).DividedBy(temperature).Softplus().Times(temperature),
            "hinge" => nn.functional.relu(d.SubtractedFrom(margin)),
            "squared" => d.SubtractedFrom(margin).Squared(),
            _ => throw new ArgumentException($"unknown AUC surrogate '{surrogate}' (expected logistic, hinge or squared)"),
        };
        return LossMath.WeightedMean(penalty, valid, weights);
    }
}
