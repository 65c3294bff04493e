using static TorchSharp.torch;

namespace Harness.Abstractions.Losses;

/// <summary>
/// The score-level stage of a loss: the same objective as <see cref="ILoss.Compute"/>, applied to scores that were
/// computed already (by a cross-encoder reranker, or by <see cref="LossMath.ToScores"/>). A loss that implements it
/// declares <see cref="LossFeatures.Scores"/>, and then <c>Compute(LossMath.ToScores(batch, ...))</c> equals
/// <c>Compute(batch)</c> (the conformance suite checks it).
/// </summary>
public interface IScoreLoss
{
    /// <summary>Computes the loss from scores.</summary>
    /// <param name="batch">Scores, labels and the declared optional fields.</param>
    /// <returns>A scalar float32 tensor; gradients flow back into <see cref="ScoreBatch.Scores"/>.</returns>
    Tensor Compute(ScoreBatch batch);
}
