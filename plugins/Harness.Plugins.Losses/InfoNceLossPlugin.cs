using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>infonce</c> plugin: <see cref="InfoNceLoss"/>.</summary>
public sealed class InfoNceLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "infonce",
        PluginKind.Loss,
        "2.0.0",
        "InfoNCE contrastive loss: softmax cross-entropy of each positive against the negatives (optionally in-batch).",
        [
            ParameterSpec.Float("temperature", 0.05, "Softmax temperature τ (scores are divided by it); the initial value when learnable.", min: 0, exclusiveMin: true),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", true, "Use the other queries' candidates in the batch as extra negatives (excluding the host's in-batch exclusions)."),
            ParameterSpec.Bool("learn-temperature", false, "Train log τ as a parameter (CLIP-style)."),
        ])
    {
        Citation = """
            @article{oord2018cpc,
              title = {Representation Learning with Contrastive Predictive Coding},
              author = {van den Oord, Aaron and Li, Yazhe and Vinyals, Oriol},
              journal = {arXiv preprint arXiv:1807.03748},
              year = {2018}
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
        ArgumentNullException.ThrowIfNull(context);
        return new InfoNceLoss(
            parameters.GetDouble("temperature"),
            SimilarityMath.Parse(parameters.GetString("similarity")),
            parameters.GetBool("in-batch-negatives"),
            parameters.GetBool("learn-temperature"),
            context.Device);
    }
}
