using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>ranknet</c> plugin: <see cref="RankNetLoss"/>.</summary>
public sealed class RankNetLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "ranknet",
        PluginKind.Loss,
        "1.0.0",
        "RankNet: logistic cross-entropy on every pair of candidates with different grades.",
        [
            ParameterSpec.Float("sigma", 1.0, "Steepness σ of the pair probability σ(σ·(s_i − s_j)) (1 in the paper).", min: 0, exclusiveMin: true),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", false, "Use the other queries' candidates as extra negatives (except the host's in-batch exclusions); the paper ranks one query's list."),
        ])
    {
        Citation = """
            @inproceedings{burges2005ranknet,
              title = {Learning to Rank Using Gradient Descent},
              author = {Burges, Chris and Shaked, Tal and Renshaw, Erin and Lazier, Ari and Deeds, Matt and Hamilton, Nicole and Hullender, Greg},
              booktitle = {Proceedings of the 22nd International Conference on Machine Learning (ICML)},
              pages = {89--96},
              year = {2005}
            }
            """,
    };

    /// <inheritdoc />
    public LossCapabilities GetCapabilities(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return LossCapabilitiesFor.Embedding(SimilarityMath.Parse(parameters.GetString("similarity")), parameters.GetBool("in-batch-negatives"));
    }

    /// <inheritdoc />
    public ILoss Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new RankNetLoss(parameters.GetDouble("sigma"), SimilarityMath.Parse(parameters.GetString("similarity")), parameters.GetBool("in-batch-negatives"));
    }
}
