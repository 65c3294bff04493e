using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// Multi-similarity loss (Wang et al., 2019) for query-document pairs, in the paper's two steps. <b>Mining</b> (its
/// Eqs. 13-14, on detached scores): of query i's valid negatives keep those with <c>s_in &gt; min_p s_ip − ε</c>, of its
/// valid positives those with <c>s_ip &lt; max_n s_in + ε</c> (min and max over all its valid positives and negatives).
/// <b>Weighting</b> (Eq. 15): <c>L_i = (1/α) log(1 + Σ_{p kept} w_ip·exp(-α (s_ip - λ))) + (1/β) log(1 + Σ_{n kept}
/// w_in·exp(β (s_in - λ)))</c>, the weighted mean over queries (query weights). A part with nothing kept contributes
/// log(1 + 0) = 0, as the formula reads (the authors' code skips the whole anchor instead when either part is empty).
/// The candidates are the query's valid positives and negatives (and, with in-batch negatives, the other queries'
/// candidates that are not masked or excluded); w are the candidate weights (1 without). Mining is a selection, not a
/// weight: no gradient flows through it. The plugin's defaults are the paper's: α = 2, β = 50, λ = 1, ε = 0.1. Known
/// deviations, as parameters: the authors' code (<c>ret_benchmark/losses/multi_similarity_loss.py</c>) hard-codes
/// <c>thresh = 0.5</c> (λ) and its configs use β = 40; pytorch-metric-learning's default <c>base</c> (λ) is 0.5 too, and
/// its docs note that the paper uses λ = 1. <paramref name="epsilon"/> null turns mining off
/// (every pair kept), which is pytorch-metric-learning's loss without its separate miner.
/// </summary>
/// <param name="alpha">Weight of positives α.</param>
/// <param name="beta">Weight of negatives β.</param>
/// <param name="lambda">Similarity threshold λ.</param>
/// <param name="epsilon">Mining margin ε ≥ 0; null: no mining.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
public sealed class MultiSimilarityLoss(double alpha, double beta, double lambda, double? epsilon, SimilarityFunction similarity, bool inBatchNegatives) : ScoreLevelLoss(similarity, inBatchNegatives)
{
    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var s = batch.Scores;

        // log(1 + Σ w·exp(x)) = logsumexp over {0} ∪ {x + log w}: a zero column stands for the 1.
        var zero = zeros(s.shape[0], 1, dtype: s.dtype, device: s.device);
        var (positives, negatives) = Mine(batch);
        var posTerms = LossMath.WeightedLogits(batch, s.Minus(lambda).Times(-alpha), positives);
        var negTerms = LossMath.WeightedLogits(batch, s.Minus(lambda).Times(beta), negatives);
        var posLoss = cat([zero, posTerms], 1).logsumexp(1).DividedBy(alpha);
        var negLoss = cat([zero, negTerms], 1).logsumexp(1).DividedBy(beta);
        var rows = ones(s.shape[0], dtype: ScalarType.Bool, device: s.device);
        return LossMath.WeightedMean(posLoss.Plus(negLoss), rows, LossMath.RowWeights(batch));
    }

    /// <summary>The pairs the mining step keeps: bool [B, N] positives and negatives (all valid ones without mining).</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Kept positives and kept negatives.</returns>
    private (Tensor Positives, Tensor Negatives) Mine(ScoreBatch batch)
    {
        var positives = LossMath.Positives(batch);
        var negatives = LossMath.Negatives(batch);
        if (epsilon is not { } margin)
        {
            return (positives, negatives);
        }

        using var _ = no_grad();
        var s = batch.Scores.detach();

        // A row without negatives has max_n = -inf, so no positive is kept (nothing to be harder than); a row's
        // positives always exist (validated), so min_p is finite.
        var minPositive = s.masked_fill(positives.logical_not(), Scalars.PositiveInfinity).amin([1L], keepdim: true);
        var maxNegative = s.masked_fill(negatives.logical_not(), Scalars.NegativeInfinity).amax([1L], keepdim: true);
        return (positives.logical_and(s.lt(maxNegative.Plus(margin))), negatives.logical_and(s.gt(minPositive.Minus(margin))));
    }
}
