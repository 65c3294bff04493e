using static TorchSharp.torch;

namespace Harness.Abstractions.Similarity;

/// <summary>
/// The one implementation of <see cref="SimilarityFunction"/> over tensors, used by the losses (through
/// <see cref="Losses.LossMath"/>) and by dense retrieval and mining alike, so training and retrieval score pairs
/// identically. Cosine is the inner product of vectors L2-normalised with eps = 1e-12 (a zero vector scores 0).
/// </summary>
public static class SimilarityMath
{
    /// <summary>The epsilon of the L2 normalisation.</summary>
    public const double NormalizationEpsilon = 1e-12;

    /// <summary>The parameter value of a function: <c>dot</c> or <c>cosine</c>.</summary>
    /// <param name="function">The function.</param>
    /// <returns>The name.</returns>
    public static string ToName(SimilarityFunction function) => function switch
    {
        SimilarityFunction.Dot => "dot",
        SimilarityFunction.Cosine => "cosine",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "unknown similarity function"),
    };

    /// <summary>Parses a similarity parameter value (<c>dot</c> or <c>cosine</c>).</summary>
    /// <param name="name">The value.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentException">The name is neither.</exception>
    public static SimilarityFunction Parse(string name) => name switch
    {
        "dot" => SimilarityFunction.Dot,
        "cosine" => SimilarityFunction.Cosine,
        _ => throw new ArgumentException($"unknown similarity '{name}' (expected dot or cosine)", nameof(name)),
    };

    /// <summary>
    /// Prepares embeddings for an inner product: L2-normalised along the last dimension for cosine, unchanged for
    /// dot. Scoring prepared chunks with <c>matmul</c> equals <see cref="Matrix"/>.
    /// </summary>
    /// <param name="embeddings">Embeddings [..., d].</param>
    /// <param name="function">The function.</param>
    /// <returns>The prepared tensor (the input itself for dot).</returns>
    public static Tensor Prepare(Tensor embeddings, SimilarityFunction function)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return function == SimilarityFunction.Cosine
            ? nn.functional.normalize(embeddings, p: 2, dim: -1, eps: NormalizationEpsilon)
            : embeddings;
    }

    /// <summary>Scores every query against every document.</summary>
    /// <param name="queries">Query embeddings [Q, d].</param>
    /// <param name="documents">Document embeddings [N, d].</param>
    /// <param name="function">The function.</param>
    /// <returns>Scores [Q, N].</returns>
    public static Tensor Matrix(Tensor queries, Tensor documents, SimilarityFunction function)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(documents);
        return Prepare(queries, function).matmul(Prepare(documents, function).t());
    }

    /// <summary>Scores each query against its own candidates.</summary>
    /// <param name="queries">Query embeddings [B, d].</param>
    /// <param name="documents">Candidate embeddings [B, M, d].</param>
    /// <param name="function">The function.</param>
    /// <returns>Scores [B, M].</returns>
    public static Tensor Paired(Tensor queries, Tensor documents, SimilarityFunction function)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(documents);
        return Prepare(documents, function).matmul(Prepare(queries, function).unsqueeze(2)).squeeze(2);
    }
}
