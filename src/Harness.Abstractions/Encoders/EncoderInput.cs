using static TorchSharp.torch;

namespace Harness.Abstractions.Encoders;

/// <summary>Tokenized model input: named CPU tensors (for example <c>input_ids</c>, <c>attention_mask</c>).</summary>
public sealed class EncoderInput : IDisposable
{
    /// <summary>Creates the input; it owns the tensors.</summary>
    /// <param name="role">Query or document.</param>
    /// <param name="count">The number of texts.</param>
    /// <param name="tensors">Named tensors.</param>
    public EncoderInput(TextRole role, int count, IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        Role = role;
        Count = count;
        Tensors = tensors;
    }

    /// <summary>Query or document.</summary>
    public TextRole Role { get; }

    /// <summary>The number of texts.</summary>
    public int Count { get; }

    /// <summary>Named CPU tensors; <see cref="ITokenizingEncoder.Forward"/> moves them.</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        foreach (var t in Tensors.Values)
        {
            t.Dispose();
        }
    }
}
