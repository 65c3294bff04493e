using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>auc</c> plugin: <see cref="AucLoss"/>.</summary>
public sealed class AucLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "auc",
        PluginKind.Loss,
        "2.0.0",
        "AUC (Mann-Whitney) surrogate: a penalty on every positive-negative score difference.",
        [
            ParameterSpec.Choice("surrogate", "logistic", "Penalty on d = s_pos - s_neg: logistic softplus(-d/τ)·τ, hinge max(0, margin - d), squared (margin - d)².", "logistic", "hinge", "squared"),
            ParameterSpec.Float("margin", 1.0, "Margin of the hinge and squared surrogates.", min: 0),
            ParameterSpec.Float("temperature", 0.1, "Temperature τ of the logistic surrogate.", min: 0, exclusiveMin: true),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", false, "Use the other queries' candidates in the batch as extra negatives (excluding the host's in-batch exclusions)."),
        ])
    {
        Citation = """
            @inproceedings{herschtal2004auc,
              title = {Optimising Area Under the {ROC} Curve Using Gradient Descent},
              author = {Herschtal, Alan and Raskutti, Bhavani},
              booktitle = {Proceedings of the 21st International Conference on Machine Learning (ICML)},
              year = {2004}
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
        return new AucLoss(
            parameters.GetString("surrogate"),
            parameters.GetDouble("margin"),
            parameters.GetDouble("temperature"),
            SimilarityMath.Parse(parameters.GetString("similarity")),
            parameters.GetBool("in-batch-negatives"));
    }
}
