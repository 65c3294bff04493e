using static TorchSharp.torch;

namespace Harness.Abstractions.Losses;

/// <summary>
/// A training objective over embeddings. Implementations are pure functions of the batch (and of their
/// hyper-parameters): the same batch gives the same value, and permuting the queries of a batch (with their
/// documents and labels) does not change it.
/// </summary>
public interface ILoss
{
    /// <summary>Computes the loss.</summary>
    /// <param name="batch">Embeddings and labels.</param>
    /// <returns>A scalar float32 tensor that gradients flow back from.</returns>
    Tensor Compute(LossBatch batch);
}
