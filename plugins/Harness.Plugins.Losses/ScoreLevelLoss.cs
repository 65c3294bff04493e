using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// The two stages every built-in loss shares: <see cref="ILoss.Compute"/> scores the batch once with the shared
/// similarity (<see cref="LossMath.ToScores"/>) and hands it to the score stage, <see cref="IScoreLoss.Compute"/>, which
/// validates the batch and runs the loss's own math (<see cref="Score"/>) in a dispose scope. Written once here so that
/// every loss validates, scopes and lays out in-batch negatives the same way.
/// </summary>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives of a query too.</param>
public abstract class ScoreLevelLoss(SimilarityFunction similarity, bool inBatchNegatives) : ILoss, IScoreLoss
{
    /// <inheritdoc />
    public virtual nn.Module? Module => null;

    /// <inheritdoc />
    public Tensor Compute(LossBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        return Compute(LossMath.ToScores(batch, similarity, inBatchNegatives)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Compute(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        using var scope = NewDisposeScope();
        return Score(batch).MoveToOuterDisposeScope();
    }

    /// <summary>The loss's math on a validated score batch, inside a dispose scope (the result is moved out).</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>A scalar float32 tensor.</returns>
    protected abstract Tensor Score(ScoreBatch batch);
}
