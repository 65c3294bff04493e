using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// LambdaLoss (Wang et al., 2018), NDCG-weighted: for every pair of one query's candidates with label_i &gt; label_j,
/// <c>l_ij = −log₂ σ(σ_s·(s_i − s_j))^{Δ_ij}</c>, summed per query, where Δ_ij depends on the candidates' positions
/// r_i, r_j in the current ranking by score and on their gains G = (2^label − 1)/maxDCG:
/// <list type="bullet">
/// <item><c>ndcg-loss2</c> (the paper's NDCG-Loss2, the default): Δ_ij = δ_ij·|G_i − G_j| with
/// δ_ij = |1/D(|r_i − r_j|) − 1/D(|r_i − r_j| + 1)|, D(k) = log₂(1 + k);</item>
/// <item><c>ndcg-loss2++</c>: μ·(NDCG-Loss2's Δ) + LambdaRank's Δ;</item>
/// <item><c>lambdarank</c>: Δ_ij = |1/D(r_i) − 1/D(r_j)|·|G_i − G_j| (LambdaRank's |ΔNDCG|).</item>
/// </list>
/// Positions and gains are constants of the step (no gradient), as in the paper's EM view. Pair weights multiply
/// Δ (row × w_i × w_j); queries are averaged with their row weights. Masked and excluded columns take no part and
/// are not ranked.
/// </summary>
/// <param name="scheme">ndcg-loss2, ndcg-loss2++ or lambdarank.</param>
/// <param name="sigma">σ_s (1 in the paper).</param>
/// <param name="mu">μ of ndcg-loss2++.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives of a query too.</param>
public sealed class LambdaLoss(string scheme, double sigma, double mu, SimilarityFunction similarity, bool inBatchNegatives) : ScoreLevelLoss(similarity, inBatchNegatives)
{
    private static readonly Scalar TinyDcg = 1e-10.ToScalar();

    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var (d, pairs, weights, index, _) = GradedPairs.Build(batch);
        Tensor delta;
        using (no_grad())
        {
            var valid = LossMath.Valid(batch);

            // 1-based positions by descending score among the valid entries (ties by column order).
            var masked = batch.Scores.detach().masked_fill(valid.logical_not(), Scalars.NegativeInfinity);
            var order = masked.sort(1, descending: true, stable: true).Indices;
            var positions = order.argsort(1).to(ScalarType.Float32).Plus(1);
            var gains = batch.Labels.clamp_min(Scalars.Zero).exp2().Minus(1).masked_fill(valid.logical_not(), Scalars.Zero);
            var sortedGains = gains.sort(1, descending: true).Values;
            using var stop = (gains.shape[1] + 1).ToScalar();
            var discounts = arange(Scalars.One, stop, Scalars.One, dtype: ScalarType.Float32, device: gains.device).Plus(1).log2();
            var maxDcg = (sortedGains / discounts).sum(1, keepdim: true).clamp_min(TinyDcg);
            var g = gains / maxDcg;
            var gainGap = (g.gather(1, index).unsqueeze(2) - g.unsqueeze(1)).abs();
            var ri = positions.gather(1, index).unsqueeze(2);
            var rj = positions.unsqueeze(1);
            var gap = (ri - rj).abs().clamp_min(Scalars.One);
            // 1 / x is x.reciprocal() (TorchSharp's 1 / x multiplies that by an implicit 1, exactly).
            var loss2 = (gap.Plus(1).log2().reciprocal() - gap.Plus(2).log2().reciprocal()).abs() * gainGap;
            var lambdaRank = (ri.Plus(1).log2().reciprocal() - rj.Plus(1).log2().reciprocal()).abs() * gainGap;
            delta = scheme switch
            {
                "ndcg-loss2" => loss2,
                "ndcg-loss2++" => loss2.Times(mu).Plus(lambdaRank),
                "lambdarank" => lambdaRank,
                _ => throw new ArgumentException($"unknown LambdaLoss scheme '{scheme}' (expected ndcg-loss2, ndcg-loss2++ or lambdarank)"),
            };
        }

        var terms = (delta * weights * d.Times(-sigma).Softplus()).DividedBy(Math.Log(2)).masked_fill(pairs.logical_not(), Scalars.Zero);
        var perRow = terms.sum([1, 2]);
        var rows = ones(perRow.shape[0], dtype: ScalarType.Bool, device: perRow.device);
        var rowWeights = LossMath.RowWeights(batch);
        return LossMath.WeightedMean(perRow, rows, rowWeights);
    }
}
