using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Abstractions.Encoders;

/// <summary>
/// A trainable TorchSharp model that maps texts to embeddings. Rules:
/// <list type="bullet">
/// <item>The encoder is created on the context's device, and the host never moves it afterwards; <see cref="Encode"/>
/// puts its inputs on the device of the module's parameters and returns its output there.</item>
/// <item>The output is float32 whatever the context's precision (an encoder that supports a lower precision casts
/// inside <see cref="Encode"/>).</item>
/// <item>Training mode is the module's (<c>Module.train()</c> / <c>Module.eval()</c>); gradients flow through
/// <see cref="Encode"/> unless the caller wraps it in <c>torch.no_grad()</c>; training-time randomness (dropout)
/// comes only from torch's default generator, so the host can replay a forward pass.</item>
/// <item>Instances created with the same parameters are state-compatible: <see cref="Save"/> from one and
/// <see cref="Load"/> into another (created with another seed) gives identical embeddings.</item>
/// </list>
/// </summary>
public interface IEncoder : IDisposable
{
    /// <summary>The embedding dimension.</summary>
    int Dimension { get; }

    /// <summary>The module that owns the trainable parameters (for the optimiser and checkpoints).</summary>
    nn.Module Module { get; }

    /// <summary>Encodes texts.</summary>
    /// <param name="texts">The texts; may be empty.</param>
    /// <param name="role">Query or document.</param>
    /// <returns>A float32 tensor of shape [texts.Count, <see cref="Dimension"/>] on the module's device.</returns>
    Tensor Encode(IReadOnlyList<string> texts, TextRole role);

    /// <summary>
    /// The parameters used only for one role (two-tower encoders), so the trainer can freeze the document tower.
    /// Null (the default): every parameter serves both roles.
    /// </summary>
    /// <param name="role">Query or document.</param>
    /// <returns>The role's own parameters, disjoint from the other role's, or null.</returns>
    IEnumerable<Parameter>? ParametersFor(TextRole role) => null;

    /// <summary>
    /// Writes everything needed to reproduce this encoder's outputs (state dict, vocabulary files) into an existing,
    /// empty directory. Default: the module's state dict as <c>module.dat</c>.
    /// </summary>
    /// <param name="directory">The directory.</param>
    void Save(string directory) => Module.save(Path.Combine(directory, "module.dat"));

    /// <summary>Restores the state written by <see cref="Save"/> (into an instance created with the same parameters).</summary>
    /// <param name="directory">The directory.</param>
    void Load(string directory) => Module.load(Path.Combine(directory, "module.dat"));
}
