using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.Losses;

/// <summary>The <c>infonce</c> plugin: <see cref="InfoNceLoss"/>.</summary>
public sealed class InfoNceLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "infonce",
        PluginKind.Loss,
        "1.0.0",
        "InfoNCE contrastive loss: softmax cross-entropy of each positive against the negatives (optionally in-batch).",
        [
            ParameterSpec.Float("temperature", 0.05, "Softmax temperature τ (scores are divided by it).", min: 0, exclusiveMin: true),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", true, "Use every candidate of the other queries in the batch as extra negatives."),
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
    public ILoss Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new InfoNceLoss(parameters.GetDouble("temperature"), Similarity.Parse(parameters.GetString("similarity")), parameters.GetBool("in-batch-negatives"));
    }
}
