using Harness.Abstractions.Similarity;
using TorchSharp;

namespace Harness.Retrieval.Dense;

/// <summary>Settings of <see cref="ExactDenseSearcher"/>.</summary>
public sealed record DenseSearchOptions
{
    /// <summary>Inner product or cosine.</summary>
    public SimilarityFunction Similarity { get; init; } = SimilarityFunction.Dot;

    /// <summary>Documents scored at once (memory for scores is QueryBatchSize × ChunkSize floats).</summary>
    public int ChunkSize { get; init; } = 65_536;

    /// <summary>Queries scored at once.</summary>
    public int QueryBatchSize { get; init; } = 256;

    /// <summary>The device the scoring runs on (chunks of the corpus are copied there one at a time); null = CPU.</summary>
    public torch.Device? Device { get; init; }
}
