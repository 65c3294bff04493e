using Harness.Abstractions.Losses;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>Score matrices for losses: each query against its own candidates, or against every candidate in the batch.</summary>
public static class Similarity
{
    /// <summary>Parses a similarity parameter value (<c>dot</c> or <c>cosine</c>).</summary>
    /// <param name="name">The value.</param>
    /// <returns>The function.</returns>
    public static SimilarityFunction Parse(string name) => name switch
    {
        "dot" => SimilarityFunction.Dot,
        "cosine" => SimilarityFunction.Cosine,
        _ => throw new ArgumentException($"unknown similarity '{name}' (expected dot or cosine)", nameof(name)),
    };

    /// <summary>
    /// Scores every query against every candidate of the batch: [B, B*M], where column <c>j*M + k</c> is candidate k
    /// of query j.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <param name="function">Dot or cosine.</param>
    /// <returns>The score matrix.</returns>
    public static Tensor AllPairs(LossBatch batch, SimilarityFunction function)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var q = batch.Queries;
        var d = batch.Documents.reshape(-1, batch.Documents.shape[2]);
        if (function == SimilarityFunction.Cosine)
        {
            q = nn.functional.normalize(q, p: 2, dim: 1, eps: 1e-12);
            d = nn.functional.normalize(d, p: 2, dim: 1, eps: 1e-12);
        }

        return q.matmul(d.t());
    }

    /// <summary>
    /// Masks over <see cref="AllPairs"/> columns: which are the query's own labelled positives, and which count as
    /// negatives (its own label-0 candidates, plus every candidate of the other queries when
    /// <paramref name="inBatchNegatives"/> is set).
    /// </summary>
    /// <param name="labels">Labels [B, M].</param>
    /// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
    /// <returns>Boolean masks [B, B*M].</returns>
    public static (Tensor Positive, Tensor Negative) Masks(Tensor labels, bool inBatchNegatives)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var b = labels.shape[0];
        var m = labels.shape[1];
        var own = eye(b, dtype: ScalarType.Bool, device: labels.device).repeat_interleave(m, dim: 1);
        var flat = labels.reshape(1, b * m).expand(b, b * m);
        var positive = own.logical_and(flat.gt(0));
        var negative = inBatchNegatives
            ? positive.logical_not().logical_and(own.logical_not().logical_or(flat.le(0)))
            : own.logical_and(flat.le(0));
        return (positive, negative);
    }

    /// <summary>
    /// Every (query, positive, negative) score difference of the batch: <c>d[i, p, n] = s_ip - s_in</c> over the
    /// columns of <see cref="AllPairs"/>, with the mask of the triples that exist (p a positive and n a negative of i).
    /// </summary>
    /// <param name="batch">The batch (validated).</param>
    /// <param name="function">Dot or cosine.</param>
    /// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
    /// <returns>Differences [B, B*M, B*M] and the boolean mask of valid triples.</returns>
    public static (Tensor Differences, Tensor Valid) PairDifferences(LossBatch batch, SimilarityFunction function, bool inBatchNegatives)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        var s = AllPairs(batch, function);
        var (positive, negative) = Masks(batch.Labels, inBatchNegatives);
        return (s.unsqueeze(2) - s.unsqueeze(1), positive.unsqueeze(2).logical_and(negative.unsqueeze(1)));
    }

    /// <summary>The mean of <paramref name="terms"/> over the valid triples (zero, still attached to the graph, when there are none).</summary>
    /// <param name="terms">Per-triple terms [B, P, N].</param>
    /// <param name="valid">The mask of valid triples.</param>
    /// <returns>A scalar.</returns>
    public static Tensor MeanOverValid(Tensor terms, Tensor valid)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var selected = terms.masked_select(valid);
        return selected.numel() == 0 ? (terms * 0).sum() : selected.mean();
    }
}
