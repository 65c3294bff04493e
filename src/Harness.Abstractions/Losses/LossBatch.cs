using static TorchSharp.torch;

namespace Harness.Abstractions.Losses;

/// <summary>
/// One training batch as a loss sees it: B queries, each with M candidate documents and their graded labels.
/// A label &gt; 0 marks a positive (its value is the grade, used by listwise losses); 0 marks a negative.
/// The usual layout is one positive at index 0 followed by M-1 sampled negatives.
/// </summary>
/// <param name="Queries">Query embeddings, float32 [B, d].</param>
/// <param name="Documents">Candidate document embeddings, float32 [B, M, d].</param>
/// <param name="Labels">Graded labels, float32 [B, M]; every row has at least one positive.</param>
public sealed record LossBatch(Tensor Queries, Tensor Documents, Tensor Labels)
{
    /// <summary>The number of queries B.</summary>
    public long BatchSize => Queries.shape[0];

    /// <summary>The number of candidates per query M.</summary>
    public long CandidatesPerQuery => Documents.shape[1];

    /// <summary>Throws when the shapes are inconsistent or a row has no positive.</summary>
    /// <exception cref="ArgumentException">What is inconsistent.</exception>
    public void Validate()
    {
        if (Queries.dim() != 2 || Documents.dim() != 3 || Labels.dim() != 2)
        {
            throw new ArgumentException($"expected queries [B,d], documents [B,M,d], labels [B,M]; got [{string.Join(",", Queries.shape)}], [{string.Join(",", Documents.shape)}], [{string.Join(",", Labels.shape)}]");
        }

        if (Documents.shape[0] != Queries.shape[0] || Labels.shape[0] != Queries.shape[0] || Labels.shape[1] != Documents.shape[1] || Documents.shape[2] != Queries.shape[1])
        {
            throw new ArgumentException($"inconsistent shapes: queries [{string.Join(",", Queries.shape)}], documents [{string.Join(",", Documents.shape)}], labels [{string.Join(",", Labels.shape)}]");
        }

        using var _ = no_grad();
        using var rowHasPositive = Labels.gt(0).any(1);
        if (!rowHasPositive.all().item<bool>())
        {
            throw new ArgumentException("every query in a loss batch needs at least one positive (label > 0)");
        }
    }
}
