using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>mw-auc</c> plugin: <see cref="MannWhitneyLoss"/>.</summary>
public sealed class MannWhitneyLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "mw-auc",
        PluginKind.Loss,
        "1.0.0",
        "Mann-Whitney loss: BCE with logits over s(q,p) − s(q',n) for every positive/negative pair of the batch (maximises AUC).",
        [
            ParameterSpec.Float("temperature", 1.0, "Temperature τ dividing the score differences (1 = the paper, no temperature).", min: 0, exclusiveMin: true),
            ParameterSpec.Choice("scope", "batch", "Which pairs: batch = every positive against every negative of the batch, across queries (the paper); query = within each query's list.", "batch", "query"),
            ParameterSpec.Choice("similarity", "cosine", "Score function (the paper trains cosine-similarity dual encoders).", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", false, "Also pair with the other queries' candidates as negatives of a query (the paper's in-batch columns), except the host's in-batch exclusions. Off by default: with scope=batch every (query, negative) score of the batch is already paired with every positive, and an excluded column would still reach a query through another query's positive."),
        ])
    {
        Citation = """
            @article{sheikholeslami2025mw,
              title = {Optimizing What Matters: {AUC}-Driven Learning for Robust Neural Retrieval},
              author = {Sheikholeslami, Nima and Hosseini, Erfan and Bechard, Patrice and Daruru, Srivatsava and Rajeswar, Sai},
              journal = {arXiv preprint arXiv:2510.00137},
              year = {2025}
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
        return new MannWhitneyLoss(
            parameters.GetDouble("temperature"),
            parameters.GetString("scope") == "batch",
            SimilarityMath.Parse(parameters.GetString("similarity")),
            parameters.GetBool("in-batch-negatives"));
    }
}
