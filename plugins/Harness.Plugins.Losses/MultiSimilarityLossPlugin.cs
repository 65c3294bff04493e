using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>multi-similarity</c> plugin: <see cref="MultiSimilarityLoss"/>.</summary>
public sealed class MultiSimilarityLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "multi-similarity",
        PluginKind.Loss,
        "2.1.0",
        "Multi-similarity loss: ε-margin pair mining, then soft-weighted positive and negative pair terms around a threshold λ.",
        [
            ParameterSpec.Float("alpha", 2.0, "Weight α of the positive term.", min: 0, exclusiveMin: true),
            ParameterSpec.Float("beta", 50.0, "Weight β of the negative term.", min: 0, exclusiveMin: true),
            ParameterSpec.Float("lambda", 1.0, "Similarity threshold λ (1 in the paper; 0.5 in the authors' code and pytorch-metric-learning)."),
            ParameterSpec.Float("epsilon", 0.1, "Mining margin ε: keep negatives scoring above the hardest positive − ε and positives scoring below the hardest negative + ε.", min: 0),
            ParameterSpec.Bool("mining", true, "Apply the ε mining step (false: every pair is weighted, as pytorch-metric-learning's loss without a miner)."),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", true, "Use the other queries' candidates in the batch as extra negatives (excluding the host's in-batch exclusions)."),
        ])
    {
        Citation = """
            @inproceedings{wang2019multi,
              title = {Multi-Similarity Loss with General Pair Weighting for Deep Metric Learning},
              author = {Wang, Xun and Han, Xintong and Huang, Weilin and Dong, Dengke and Scott, Matthew R.},
              booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},
              pages = {5022--5030},
              year = {2019}
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
        return new MultiSimilarityLoss(
            parameters.GetDouble("alpha"),
            parameters.GetDouble("beta"),
            parameters.GetDouble("lambda"),
            parameters.GetBool("mining") ? parameters.GetDouble("epsilon") : null,
            SimilarityMath.Parse(parameters.GetString("similarity")),
            parameters.GetBool("in-batch-negatives"));
    }
}
