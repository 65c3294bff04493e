using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>
/// The <c>lambda</c> plugin: <see cref="LambdaLoss"/>. Declares <see cref="LossCapabilities.RankWeighted"/>: its pair
/// weights are computed from the current ranking and held constant within a step, as in the paper.
/// </summary>
public sealed class LambdaLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "lambda",
        PluginKind.Loss,
        "1.0.0",
        "LambdaLoss: pairwise logistic loss weighted by the NDCG change of the current ranking (NDCG-Loss2 by default).",
        [
            ParameterSpec.Choice("scheme", "ndcg-loss2", "Pair weights Δ: the paper's NDCG-Loss2, NDCG-Loss2++ (μ·NDCG-Loss2 + LambdaRank) or LambdaRank's |ΔNDCG|.", "ndcg-loss2", "ndcg-loss2++", "lambdarank"),
            ParameterSpec.Float("sigma", 1.0, "Steepness σ of the pair probability σ(σ·(s_i − s_j)) (1 in the paper).", min: 0, exclusiveMin: true),
            ParameterSpec.Float("mu", 10.0, "μ of NDCG-Loss2++ (ignored by the other schemes); 10 is allRank's default, the reference PyTorch implementation.", min: 0),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", false, "Use the other queries' candidates as extra negatives (except the host's in-batch exclusions); the paper ranks one query's list."),
        ])
    {
        Citation = """
            @inproceedings{wang2018lambdaloss,
              title = {The LambdaLoss Framework for Ranking Metric Optimization},
              author = {Wang, Xuanhui and Li, Cheng and Golbandi, Nadav and Bendersky, Michael and Najork, Marc},
              booktitle = {Proceedings of the 27th ACM International Conference on Information and Knowledge Management (CIKM)},
              pages = {1313--1322},
              year = {2018}
            }
            """,
    };

    /// <inheritdoc />
    public LossCapabilities GetCapabilities(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return LossCapabilitiesFor.Embedding(SimilarityMath.Parse(parameters.GetString("similarity")), parameters.GetBool("in-batch-negatives")) with
        {
            RankWeighted = true,
        };
    }

    /// <inheritdoc />
    public ILoss Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new LambdaLoss(
            parameters.GetString("scheme"),
            parameters.GetDouble("sigma"),
            parameters.GetDouble("mu"),
            SimilarityMath.Parse(parameters.GetString("similarity")),
            parameters.GetBool("in-batch-negatives"));
    }
}
