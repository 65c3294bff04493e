using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The capabilities every built-in loss declares: it is written on <see cref="LossMath"/>.</summary>
internal static class LossCapabilitiesFor
{
    public static LossCapabilities Embedding(SimilarityFunction similarity, bool inBatchNegatives) =>
        new(LossFeatures.Mask | LossFeatures.Weights | LossFeatures.Scores
            | (inBatchNegatives ? LossFeatures.InBatchNegatives | LossFeatures.InBatchExcluded : LossFeatures.None))
        {
            Similarity = similarity,
        };
}
