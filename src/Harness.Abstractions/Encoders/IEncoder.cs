using static TorchSharp.torch;

namespace Harness.Abstractions.Encoders;

/// <summary>
/// A trainable TorchSharp model that maps texts to embeddings. Training mode is the module's
/// (<c>Module.train()</c> / <c>Module.eval()</c>); gradients flow through <see cref="Encode"/> unless the caller
/// wraps it in <c>torch.no_grad()</c>.
/// </summary>
public interface IEncoder : IDisposable
{
    /// <summary>The embedding dimension.</summary>
    int Dimension { get; }

    /// <summary>The module that owns the trainable parameters (for the optimiser, saving and moving between devices).</summary>
    nn.Module Module { get; }

    /// <summary>Encodes texts.</summary>
    /// <param name="texts">The texts; may be empty.</param>
    /// <param name="role">Query or document.</param>
    /// <returns>A float32 tensor of shape [texts.Count, <see cref="Dimension"/>] on the module's device.</returns>
    Tensor Encode(IReadOnlyList<string> texts, TextRole role);
}
