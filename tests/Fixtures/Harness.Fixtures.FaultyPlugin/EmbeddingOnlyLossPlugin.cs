using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Fixtures.FaultyPlugin;

/// <summary>
/// Test fixture: a loss that declares no score stage (no <see cref="LossFeatures.Scores"/>), so that <c>harness
/// plan</c>'s check of trainable rerankers can be tested. It computes a real loss (the mean pairwise hinge at margin 0
/// over dot products) but offers no <see cref="IScoreLoss"/> form.
/// </summary>
public sealed class EmbeddingOnlyLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "embedding-only",
        PluginKind.Loss,
        "1.0.0",
        "Test fixture: a pairwise hinge over embeddings that declares no score stage.",
        []);

    /// <inheritdoc />
    public ILoss Create(PluginParameters parameters, IPluginContext context) => new EmbeddingOnlyLoss();

    /// <inheritdoc />
    public LossCapabilities GetCapabilities(PluginParameters parameters) => new(LossFeatures.Mask) { Similarity = SimilarityFunction.Dot };

    private sealed class EmbeddingOnlyLoss : ILoss
    {
        public Tensor Compute(LossBatch batch)
        {
            var (d, valid, _) = LossMath.PairDifferences(LossMath.ToScores(batch, SimilarityFunction.Dot, inBatchNegatives: false));
            return LossMath.WeightedMean(nn.functional.relu(d.neg()), valid, null);
        }
    }
}
