using Harness.Abstractions.Losses;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// InfoNCE (contrastive cross-entropy). For query i and each of its positives p:
/// <c>-log( exp(s_ip/τ) / (exp(s_ip/τ) + Σ_n exp(s_in/τ)) )</c> = <c>softplus(logsumexp_n(s_in/τ) - s_ip/τ)</c>,
/// where n runs over the query's negatives (and, with in-batch negatives, every candidate of the other queries).
/// The loss is the mean over all (query, positive) pairs.
/// </summary>
/// <param name="temperature">τ &gt; 0.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
public sealed class InfoNceLoss(double temperature, SimilarityFunction similarity, bool inBatchNegatives) : ILoss
{
    /// <inheritdoc />
    public Tensor Compute(LossBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        using var scope = NewDisposeScope();
        var s = Similarity.AllPairs(batch, similarity) / temperature;
        var (positive, negative) = Similarity.Masks(batch.Labels, inBatchNegatives);
        var negLse = s.masked_fill(negative.logical_not(), double.NegativeInfinity).logsumexp(1, keepdim: true);
        var perPair = nn.functional.softplus(negLse - s);
        var loss = perPair.masked_select(positive).mean();
        return loss.MoveToOuterDisposeScope();
    }
}
