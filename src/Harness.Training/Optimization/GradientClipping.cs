using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Training.Optimization;

/// <summary>
/// Global L2-norm clipping over dense and sparse gradients together, as torch.nn.utils.clip_grad_norm_: the norm is
/// taken over every gradient value (a coalesced sparse gradient contributes its values), and when it exceeds
/// maxNorm every gradient is scaled by maxNorm / (norm + 1e-6). Written here because TorchSharp's
/// clip_grad_norm_ reads Parameter.grad and cannot see the coalesced sparse gradients the optimiser is given.
/// </summary>
internal static class GradientClipping
{
    /// <summary>Returns the total norm before clipping; scales the gradients in place when it exceeds maxNorm.</summary>
    public static double Clip(IReadOnlyList<Tensor?> gradients, double maxNorm)
    {
        using var noGrad = no_grad();
        double sumSq = 0;
        foreach (var g in gradients)
        {
            if (g is null)
            {
                continue;
            }

            using var values = g.is_sparse ? g.SparseValues : g.flatten();
            // x * x, not square(): TorchSharp's square() passes an implicit Scalar 2 to pow (see ConstantScalars).
            using var wide = values.to(ScalarType.Float64);
            using var sq = wide.mul(wide).sum();
            sumSq += sq.item<double>();
        }

        var norm = Math.Sqrt(sumSq);
        var coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1)
        {
            // An explicit Scalar held until the loop ends, not an implicit conversion per call: implicitly converted
            // Scalars are left to the finalizer, which can free one while libtorch reads it (see AdamOptimizer).
            using var scale = coefficient.ToScalar();
            foreach (var g in gradients)
            {
                if (g is null)
                {
                    continue;
                }

                if (g.is_sparse)
                {
                    using var values = g.SparseValues;
                    values.mul_(scale);
                }
                else
                {
                    g.mul_(scale);
                }
            }
        }

        return norm;
    }
}
