using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>triplet</c> plugin: <see cref="TripletLoss"/>.</summary>
public sealed class TripletLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "triplet",
        PluginKind.Loss,
        "2.0.0",
        "Triplet margin loss over every (query, positive, negative) triple.",
        [
            ParameterSpec.Float("margin", 0.2, "Required score gap between a positive and a negative.", min: 0),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", false, "Use the other queries' candidates in the batch as extra negatives (excluding the host's in-batch exclusions)."),
            ParameterSpec.Choice("reduction", "mean", "Average over all triples, or only over triples that violate the margin.", "mean", "mean-active"),
        ])
    {
        Citation = """
            @inproceedings{schroff2015facenet,
              title = {FaceNet: A Unified Embedding for Face Recognition and Clustering},
              author = {Schroff, Florian and Kalenichenko, Dmitry and Philbin, James},
              booktitle = {Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)},
              pages = {815--823},
              year = {2015}
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
        return new TripletLoss(
            parameters.GetDouble("margin"),
            SimilarityMath.Parse(parameters.GetString("similarity")),
            parameters.GetBool("in-batch-negatives"),
            parameters.GetString("reduction") == "mean-active");
    }
}
