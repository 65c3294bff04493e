using static TorchSharp.torch;

namespace Harness.Abstractions.Encoders;

/// <summary>
/// Optional: an encoder that splits tokenization (CPU, thread-safe, cacheable across epochs) from the forward pass.
/// Contract: <c>Forward(Tokenize(texts, role))</c> equals <c>Encode(texts, role)</c>.
/// </summary>
public interface ITokenizingEncoder : IEncoder
{
    /// <summary>Tokenizes texts on the CPU.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="role">Query or document.</param>
    /// <returns>The model input; the caller disposes it.</returns>
    EncoderInput Tokenize(IReadOnlyList<string> texts, TextRole role);

    /// <summary>Runs the model on tokenized input (moving it to the module's device).</summary>
    /// <param name="input">Input from <see cref="Tokenize"/>.</param>
    /// <returns>Float32 [input.Count, Dimension] on the module's device.</returns>
    Tensor Forward(EncoderInput input);
}
