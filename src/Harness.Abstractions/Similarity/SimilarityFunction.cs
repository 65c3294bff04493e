namespace Harness.Abstractions.Similarity;

/// <summary>How a query embedding and a document embedding are compared. Higher is more similar for both.</summary>
public enum SimilarityFunction
{
    /// <summary>Inner product.</summary>
    Dot,

    /// <summary>Cosine similarity (inner product of L2-normalised vectors).</summary>
    Cosine,
}
