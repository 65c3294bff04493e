using Harness.Abstractions.Similarity;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Retrieval.Dense;

/// <summary>
/// Exact top-k by inner product or cosine over a whole corpus matrix, chunked so memory stays bounded: for each
/// batch of queries, the corpus is scored one chunk at a time (a view of the corpus, copied to the device and,
/// for cosine, normalised chunk by chunk; no second full copy of the corpus is ever made), each chunk's top-k is
/// taken, and merged with the running top-k. Ties are broken deterministically by document index ascending,
/// including ties that straddle a chunk's k-th place or a chunk boundary.
/// </summary>
public sealed class ExactDenseSearcher
{
    // arange's start and step and add's alpha, as Scalars alive for the process: TorchSharp's arange(stop) and
    // add(Scalar) would make them implicitly, and the GC may free an implicit one while libtorch reads it.
    private static readonly Scalar Zero = 0.ToScalar();

    private static readonly Scalar One = 1.ToScalar();

    private readonly DenseSearchOptions _options;

    /// <summary>Creates a searcher.</summary>
    /// <param name="options">Settings (default: dot product, 64k-document chunks, 256-query batches, CPU).</param>
    public ExactDenseSearcher(DenseSearchOptions? options = null)
    {
        _options = options ?? new DenseSearchOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.QueryBatchSize, 1);
    }

    /// <summary>Finds the top k documents of every query.</summary>
    /// <param name="corpus">Document embeddings, float32 [N, d] (any device; chunks are moved to the search device).</param>
    /// <param name="queries">Query embeddings, float32 [Q, d].</param>
    /// <param name="k">How many documents per query (capped at N).</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    /// <returns>The top-k lists.</returns>
    public DenseTopK Search(Tensor corpus, Tensor queries, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (corpus.dim() != 2 || queries.dim() != 2 || corpus.shape[1] != queries.shape[1])
        {
            throw new ArgumentException($"expected corpus [N,d] and queries [Q,d]; got [{string.Join(",", corpus.shape)}] and [{string.Join(",", queries.shape)}]");
        }

        var n = corpus.shape[0];
        var q = (int)queries.shape[0];
        var kk = (int)Math.Min(k, n);
        var scores = new float[q * kk];
        var indices = new long[q * kk];
        if (kk == 0 || q == 0)
        {
            return new DenseTopK(q, kk, scores, indices);
        }

        var device = _options.Device ?? CPU;
        using var noGrad = no_grad();
        for (var qs = 0; qs < q; qs += _options.QueryBatchSize)
        {
            using var batchScope = NewDisposeScope();
            var qb = SimilarityMath.Prepare(queries.narrow(0, qs, Math.Min(_options.QueryBatchSize, q - qs)).to(ScalarType.Float32).to(device), _options.Similarity);

            Tensor? runValues = null, runIndices = null;
            for (long start = 0; start < n; start += _options.ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var chunkScope = NewDisposeScope();
                var len = Math.Min(_options.ChunkSize, n - start);
                // The one similarity (SimilarityMath): chunks prepared (normalised for cosine) one at a time, so scores
                // equal SimilarityMath.Matrix without a second full copy of the corpus.
                var chunk = SimilarityMath.Prepare(corpus.narrow(0, start, len).to(ScalarType.Float32).to(device), _options.Similarity);
                var s = qb.matmul(chunk.t());
                var (values, local) = ChunkTopK(s, (int)Math.Min(kk, len));
                // Explicit Scalars, alive across the native call (an implicit one is left to the finalizer, which can
                // free it while libtorch reads it: dotnet/TorchSharp#1434).
                using var offset = start.ToScalar();
                var global = local.add(offset, One);
                if (runValues is null || runIndices is null)
                {
                    (runValues, runIndices) = (values, global);
                }
                else
                {
                    (runValues, runIndices) = Merge(runValues, runIndices, values, global, kk);
                }

                runValues = runValues.MoveToOuterDisposeScope();
                runIndices = runIndices.MoveToOuterDisposeScope();
            }

            using var cpuValues = runValues!.cpu().contiguous();
            using var cpuIndices = runIndices!.cpu().contiguous();
            cpuValues.data<float>().CopyTo(scores, qs * kk);
            cpuIndices.data<long>().CopyTo(indices, qs * kk);
        }

        return new DenseTopK(q, kk, scores, indices);
    }

    /// <summary>
    /// The top k of each row of a score matrix, ordered by score descending then column ascending. torch.topk picks
    /// an arbitrary subset when the k-th score is tied with scores beyond it; such rows are redone exactly.
    /// </summary>
    /// <param name="scores">[B, L] scores.</param>
    /// <param name="k">k ≤ L.</param>
    /// <returns>Values [B, k] and column indices [B, k] (int64).</returns>
    internal static (Tensor Values, Tensor Indices) ChunkTopK(Tensor scores, int k)
    {
        var length = scores.shape[1];
        if (length == k)
        {
            // Everything is selected; only the order needs fixing.
            using var stop = length.ToScalar();
            var all = arange(Zero, stop, One, dtype: ScalarType.Int64, device: scores.device).unsqueeze(0).expand(scores.shape[0], length);
            return OrderByScoreThenIndex(scores, all);
        }

        // Take one more than needed: a tie straddles the k-th place exactly when the (k+1)-th score equals the k-th.
        var (values, indices) = scores.topk(k + 1, dim: 1, largest: true, sorted: true);
        var kth = values.narrow(1, k - 1, 1);
        var tiedRows = values.narrow(1, k, 1).eq(kth).squeeze(1).nonzero();
        values = values.narrow(1, 0, k);
        indices = indices.narrow(1, 0, k);
        if (tiedRows.shape[0] > 0)
        {
            values = values.clone();
            indices = indices.clone();
            foreach (var r in tiedRows.squeeze(1).cpu().data<long>().ToArray())
            {
                var row = scores[r];
                var threshold = kth[r];
                var above = row.gt(threshold);
                var equal = row.eq(threshold);
                var need = k - above.sum().item<long>();
                var equalRank = equal.to(ScalarType.Int64).cumsum(0);
                using var needScalar = need.ToScalar();
                var keep = above.logical_or(equal.logical_and(equalRank.le(needScalar)));
                var selected = keep.nonzero().squeeze(1);
                indices[r] = selected;
                values[r] = row.index_select(0, selected);
            }
        }

        return OrderByScoreThenIndex(values, indices);
    }

    /// <summary>Merges a running top-k with a later chunk's top-k (every index of the chunk is larger).</summary>
    internal static (Tensor Values, Tensor Indices) Merge(Tensor runValues, Tensor runIndices, Tensor values, Tensor indices, int k)
    {
        // Both inputs are ordered by (score desc, index asc) and every chunk index exceeds every running index, so a
        // stable descending sort of the concatenation keeps equal scores in index order.
        var allValues = cat([runValues, values], 1);
        var allIndices = cat([runIndices, indices], 1);
        var (sorted, order) = allValues.sort(dim: 1, descending: true, stable: true);
        var take = Math.Min(k, (int)sorted.shape[1]);
        return (sorted.narrow(1, 0, take), allIndices.gather(1, order).narrow(1, 0, take));
    }

    private static (Tensor Values, Tensor Indices) OrderByScoreThenIndex(Tensor values, Tensor indices)
    {
        var (byIndex, perm) = indices.sort(dim: 1);
        var valuesByIndex = values.gather(1, perm);
        var (sorted, order) = valuesByIndex.sort(dim: 1, descending: true, stable: true);
        return (sorted, byIndex.gather(1, order));
    }
}
