using Harness.Abstractions.Losses;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// Multi-similarity loss (Wang et al., 2019) for query-document pairs, without its pair-mining step:
/// <c>L_i = (1/α) log(1 + Σ_p exp(-α (s_ip - λ))) + (1/β) log(1 + Σ_n exp(β (s_in - λ)))</c>, averaged over queries.
/// The sums run over the query's positives and negatives (and, with in-batch negatives, the other queries' candidates).
/// Defaults follow pytorch-metric-learning (α = 2, β = 50, λ = 0.5).
/// </summary>
/// <param name="alpha">Weight of positives α.</param>
/// <param name="beta">Weight of negatives β.</param>
/// <param name="lambda">Similarity threshold λ.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
public sealed class MultiSimilarityLoss(double alpha, double beta, double lambda, SimilarityFunction similarity, bool inBatchNegatives) : ILoss
{
    /// <inheritdoc />
    public Tensor Compute(LossBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        using var scope = NewDisposeScope();
        var s = Similarity.AllPairs(batch, similarity);
        var (positive, negative) = Similarity.Masks(batch.Labels, inBatchNegatives);

        // log(1 + Σ exp(x)) = logsumexp over {0} ∪ {x}: a zero column stands for the 1.
        var zero = zeros(s.shape[0], 1, dtype: s.dtype, device: s.device);
        var posTerms = (-alpha * (s - lambda)).masked_fill(positive.logical_not(), double.NegativeInfinity);
        var negTerms = (beta * (s - lambda)).masked_fill(negative.logical_not(), double.NegativeInfinity);
        var posLoss = cat([zero, posTerms], 1).logsumexp(1) / alpha;
        var negLoss = cat([zero, negTerms], 1).logsumexp(1) / beta;
        return (posLoss + negLoss).mean().MoveToOuterDisposeScope();
    }
}
