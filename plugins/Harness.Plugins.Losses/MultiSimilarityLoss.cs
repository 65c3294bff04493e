using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// Multi-similarity loss (Wang et al., 2019) for query-document pairs, without its pair-mining step:
/// <c>L_i = (1/α) log(1 + Σ_p w_ip·exp(-α (s_ip - λ))) + (1/β) log(1 + Σ_n w_in·exp(β (s_in - λ)))</c>, the weighted
/// mean over queries (query weights). The sums run over the query's valid positives and negatives (and, with in-batch
/// negatives, the other queries' candidates that are not masked or excluded); w are the candidate weights (1 without).
/// Defaults follow pytorch-metric-learning (α = 2, β = 50, λ = 0.5).
/// </summary>
/// <param name="alpha">Weight of positives α.</param>
/// <param name="beta">Weight of negatives β.</param>
/// <param name="lambda">Similarity threshold λ.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
public sealed class MultiSimilarityLoss(double alpha, double beta, double lambda, SimilarityFunction similarity, bool inBatchNegatives) : ILoss, IScoreLoss
{
    /// <inheritdoc />
    public Tensor Compute(LossBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        return Compute(LossMath.ToScores(batch, similarity, inBatchNegatives)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Compute(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        using var scope = NewDisposeScope();
        var s = batch.Scores;

        // log(1 + Σ w·exp(x)) = logsumexp over {0} ∪ {x + log w}: a zero column stands for the 1.
        var zero = zeros(s.shape[0], 1, dtype: s.dtype, device: s.device);
        var posTerms = LossMath.WeightedLogits(batch, -alpha * (s - lambda), LossMath.Positives(batch));
        var negTerms = LossMath.WeightedLogits(batch, beta * (s - lambda), LossMath.Negatives(batch));
        var posLoss = cat([zero, posTerms], 1).logsumexp(1) / alpha;
        var negLoss = cat([zero, negTerms], 1).logsumexp(1) / beta;
        var rows = ones(s.shape[0], dtype: ScalarType.Bool, device: s.device);
        return LossMath.WeightedMean(posLoss + negLoss, rows, LossMath.RowWeights(batch)).MoveToOuterDisposeScope();
    }
}
