using static TorchSharp.torch;

namespace Harness.Training.Optimization;

/// <summary>
/// Coalesces a sparse COO gradient (sums the values of duplicate row indices and sorts the rows). TorchSharp 0.107
/// binds <c>SparseIndices</c>/<c>SparseValues</c> and <c>sparse_coo_tensor</c> but not <c>coalesce()</c>, so it is
/// done here with <c>unique(return_inverse)</c> and <c>index_add</c>: the same result as torch's coalesce (rows
/// ascending), deterministic on CPU.
/// </summary>
internal static class SparseGradients
{
    /// <summary>A new coalesced sparse tensor [rows, ...] with unique, ascending row indices.</summary>
    public static Tensor Coalesce(Tensor sparse)
    {
        using var scope = NewDisposeScope();
        var indices = sparse.SparseIndices;
        var values = sparse.SparseValues;
        if (indices.shape[0] != 1)
        {
            throw new NotSupportedException($"only sparse gradients with one sparse dimension (embedding rows) are supported; got {indices.shape[0]}");
        }

        var (unique, inverse, _) = indices[0].unique(sorted: true, return_inverse: true);
        var shape = values.shape.ToArray();
        shape[0] = unique.shape[0];
        var summed = zeros(shape, values.dtype, values.device).index_add_(0, inverse!, values, ConstantScalars.One);
        var result = sparse_coo_tensor(unique.unsqueeze(0), summed, sparse.shape);
        return result.MoveToOuterDisposeScope();
    }
}
