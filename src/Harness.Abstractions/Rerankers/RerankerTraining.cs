namespace Harness.Abstractions.Rerankers;

/// <summary>
/// How the host trains a trainable reranker (<see cref="RerankerRequirements.Training"/>): each step takes
/// <see cref="BatchSize"/> training queries, each with one labelled positive and <see cref="Negatives"/> negatives from
/// the cell's negative sampler, scores them with <see cref="ITrainableReranker.Forward"/> and applies the cell loss's
/// score stage (<see cref="Losses.IScoreLoss"/>) with AdamW, a linear warm-up then linear decay of the learning rate,
/// and gradient-norm clipping (sentence-transformers' <c>CrossEncoder.fit</c>: WarmupLinear, max_grad_norm 1).
/// </summary>
/// <param name="Epochs">Passes over the training queries (≥ 1).</param>
/// <param name="BatchSize">Queries per step (≥ 1).</param>
/// <param name="LearningRate">AdamW's learning rate (&gt; 0).</param>
/// <param name="Negatives">Negatives per query (≥ 1).</param>
public sealed record RerankerTraining(int Epochs, int BatchSize, double LearningRate, int Negatives)
{
    /// <summary>AdamW's weight decay (0.01, as BERT fine-tuning).</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Fraction of all steps spent warming the learning rate up linearly from 0 (0.1); it then decays
    /// linearly to 0 at the last step. Since contract 2.1.</summary>
    public double WarmupFraction { get; init; } = 0.1;

    /// <summary>Gradients are scaled down when their global L2 norm exceeds this (1.0); 0 or less: no clipping. Since
    /// contract 2.1.</summary>
    public double MaxGradientNorm { get; init; } = 1.0;
}
