using Harness.Abstractions.Similarity;

namespace Harness.Abstractions.Losses;

/// <summary>
/// What a loss configuration declares before anything trains (<see cref="Plugins.ILossPlugin.GetCapabilities"/>):
/// which optional batch fields it honours or needs, and the similarity it trains for. <c>harness plan</c> validates
/// a matrix against it, and the host sets only the declared fields.
/// </summary>
/// <param name="Features">The declared features.</param>
public sealed record LossCapabilities(LossFeatures Features)
{
    /// <summary>No optional fields, no declared similarity.</summary>
    public static LossCapabilities None { get; } = new(LossFeatures.None);

    /// <summary>
    /// The similarity this configuration trains for; the host mines and retrieves with it. Null: not an
    /// embedding-similarity loss (the host then uses the encoder's preferred similarity).
    /// </summary>
    public SimilarityFunction? Similarity { get; init; }

    /// <summary>Whether every flag of <paramref name="features"/> is declared.</summary>
    /// <param name="features">The flags.</param>
    /// <returns>True when all are set.</returns>
    public bool Has(LossFeatures features) => (Features & features) == features;
}
