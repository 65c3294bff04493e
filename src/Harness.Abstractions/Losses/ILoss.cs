using static TorchSharp.torch;

namespace Harness.Abstractions.Losses;

/// <summary>
/// A training objective over embeddings: the stage after the encoder (the host embeds queries and candidates; the
/// loss computes the similarity it trains for and reduces it to a scalar). Implementations are pure functions of the
/// batch, their hyper-parameters, their <see cref="Module"/>'s parameters and the batch's generator: the same batch
/// gives the same value, and permuting the queries of a batch (with their documents, labels and optional fields) does
/// not change it. A loss honours every optional <see cref="LossBatch"/> field it declares in
/// <see cref="LossCapabilities"/>; the host never sets a field the loss did not declare.
/// </summary>
public interface ILoss
{
    /// <summary>Computes the loss.</summary>
    /// <param name="batch">Embeddings, labels and the declared optional fields.</param>
    /// <returns>A scalar float32 tensor that gradients flow back from.</returns>
    Tensor Compute(LossBatch batch);

    /// <summary>
    /// The loss's own trainable parameters (a learnable temperature, a selection model), or null. Created on the
    /// context's device; the host adds them to the optimiser and checkpoints them. Default: null.
    /// </summary>
    nn.Module? Module => null;
}
