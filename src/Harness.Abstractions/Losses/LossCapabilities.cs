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

    /// <summary>
    /// The loss weights its terms by the candidates' positions in the current ranking, and treats those weights as
    /// constants of the step (LambdaRank, LambdaLoss: Wang et al. 2018, §4; TF-Ranking's lambda weights are computed
    /// under stop-gradient). Such a loss is a bound re-derived at every ranking, not one function of the scores: moving
    /// a negative below a positive changes the positions and so the weights, and the value may rise even though every
    /// gradient step lowers it. The conformance suite then checks the gradient's direction (a negative's gradient
    /// pushes its score down) instead of comparing values before and after such a move. Default false.
    /// </summary>
    public bool RankWeighted { get; init; }

    /// <summary>Whether every flag of <paramref name="features"/> is declared.</summary>
    /// <param name="features">The flags.</param>
    /// <returns>True when all are set.</returns>
    public bool Has(LossFeatures features) => (Features & features) == features;
}
