using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>listnet</c> plugin: <see cref="ListNetLoss"/>.</summary>
public sealed class ListNetLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "listnet",
        PluginKind.Loss,
        "2.0.0",
        "ListNet listwise loss: cross-entropy between the graded-label and score distributions over each query's candidates.",
        [
            ParameterSpec.Float("temperature", 0.05, "Score temperature τ.", min: 0, exclusiveMin: true),
            ParameterSpec.Float("label-temperature", 0.1, "Label temperature (small puts the target mass on the highest grade).", min: 0, exclusiveMin: true),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
        ])
    {
        Citation = """
            @inproceedings{cao2007listnet,
              title = {Learning to Rank: From Pairwise Approach to Listwise Approach},
              author = {Cao, Zhe and Qin, Tao and Liu, Tie-Yan and Tsai, Ming-Feng and Li, Hang},
              booktitle = {Proceedings of the 24th International Conference on Machine Learning (ICML)},
              pages = {129--136},
              year = {2007}
            }
            """,
    };

    /// <inheritdoc />
    public LossCapabilities GetCapabilities(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return LossCapabilitiesFor.Embedding(SimilarityMath.Parse(parameters.GetString("similarity")), false);
    }

    /// <inheritdoc />
    public ILoss Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ListNetLoss(parameters.GetDouble("temperature"), parameters.GetDouble("label-temperature"), SimilarityMath.Parse(parameters.GetString("similarity")));
    }
}
