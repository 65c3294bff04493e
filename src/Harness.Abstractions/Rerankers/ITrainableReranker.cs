using Harness.Abstractions.Datasets;
using static TorchSharp.torch;

namespace Harness.Abstractions.Rerankers;

/// <summary>
/// A reranker the host trains (with the cell's training view, negative sampler and an <see cref="Losses.IScoreLoss"/>)
/// before scoring. Created on the context's device and never moved by the host.
/// </summary>
public interface ITrainableReranker : IReranker
{
    /// <summary>The module that owns the trainable parameters.</summary>
    nn.Module Module { get; }

    /// <summary>
    /// Differentiable scores for B queries and up to M candidates each: float32 [B, M] on the module's device. Rows
    /// shorter than M are padded with 0; the host masks them in the <see cref="Losses.ScoreBatch"/>.
    /// </summary>
    /// <param name="queries">The B queries.</param>
    /// <param name="candidates">Each query's candidates.</param>
    /// <returns>Scores [B, M].</returns>
    Tensor Forward(IReadOnlyList<Query> queries, IReadOnlyList<IReadOnlyList<Document>> candidates);

    /// <summary>Writes the full state into an existing, empty directory. Default: <c>module.dat</c>.</summary>
    /// <param name="directory">The directory.</param>
    void Save(string directory) => Module.save(Path.Combine(directory, "module.dat"));

    /// <summary>Restores the state written by <see cref="Save"/>.</summary>
    /// <param name="directory">The directory.</param>
    void Load(string directory) => Module.load(Path.Combine(directory, "module.dat"));
}
