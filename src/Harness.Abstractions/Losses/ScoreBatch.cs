using static TorchSharp.torch;

namespace Harness.Abstractions.Losses;

/// <summary>
/// A batch at the score stage: B queries, each with N scored candidates. N is M (each query's own candidates) or
/// B·M (every candidate of the batch, with in-batch negatives; column <c>j·M + k</c> is candidate k of query j).
/// </summary>
/// <param name="Scores">Scores, float32 [B, N]; higher is more relevant.</param>
/// <param name="Labels">Graded labels, float32 [B, N]: &gt; 0 a positive (the grade), ≤ 0 a negative.</param>
public sealed record ScoreBatch(Tensor Scores, Tensor Labels)
{
    /// <summary>Bool [B, N]: false where a column must be ignored (padding, an excluded in-batch column). Null: all valid.</summary>
    public Tensor? Mask { get; init; }

    /// <summary>Float32 ≥ 0, [B] (per query) or [B, N] (per candidate). Null: all 1. Semantics as <see cref="LossBatch.Weights"/>.</summary>
    public Tensor? Weights { get; init; }

    /// <summary>Float32 [B, N] teacher scores; NaN where the teacher did not score a column.</summary>
    public Tensor? TeacherScores { get; init; }

    /// <summary>Randomness for this batch; the loss stays a pure function of (batch, generator state).</summary>
    public Generator? Generator { get; init; }

    /// <summary>The number of queries B.</summary>
    public long BatchSize => Scores.shape[0];

    /// <summary>The number of columns N.</summary>
    public long Columns => Scores.shape[1];

    /// <summary>Throws when shapes are inconsistent or a row has no valid positive.</summary>
    /// <exception cref="ArgumentException">What is inconsistent.</exception>
    public void Validate()
    {
        if (Scores.dim() != 2 || !Labels.shape.SequenceEqual(Scores.shape))
        {
            throw new ArgumentException($"expected scores and labels [B,N]; got [{string.Join(",", Scores.shape)}] and [{string.Join(",", Labels.shape)}]");
        }

        if (Mask is not null && (!Mask.shape.SequenceEqual(Scores.shape) || Mask.dtype != ScalarType.Bool))
        {
            throw new ArgumentException($"mask must be bool [{string.Join(",", Scores.shape)}]; got {Mask.dtype} [{string.Join(",", Mask.shape)}]");
        }

        LossBatch.ValidateWeights(Weights, Scores.shape[0], Scores.shape[1]);
        if (TeacherScores is not null && !TeacherScores.shape.SequenceEqual(Scores.shape))
        {
            throw new ArgumentException($"teacher scores must be [{string.Join(",", Scores.shape)}]; got [{string.Join(",", TeacherScores.shape)}]");
        }

        using var _ = no_grad();
        using var positive = Mask is null ? Labels.gt(Scalars.Zero) : Labels.gt(Scalars.Zero).logical_and(Mask);
        using var rowHasPositive = positive.any(1);
        if (!rowHasPositive.all().item<bool>())
        {
            throw new ArgumentException("every query in a batch needs at least one valid positive (label > 0, not masked)");
        }
    }
}
