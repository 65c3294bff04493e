using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Models.Bert;

/// <summary>
/// x W^T + b for the layer's widening projections (query/key/value fused, 384 -> 1152; intermediate, 384 -> 1536).
/// With no graph recorded, on the CPU, it runs as a 1×1 convolution over a channels-last view of the same memory,
/// which libtorch hands to oneDNN's JIT kernels instead of MKL's sgemm; elsewhere (training, CUDA) it is
/// <c>linear</c>. Why: on the AMD EPYC (Zen 3, AVX2) benchmark machine MKL takes its generic "def" code path, and
/// these two shapes ran 15–25 % faster through oneDNN in a quiet sitting (`Harness.Benchmarks.Encoders gemm`; the
/// narrowing 384 -> 384 and 1536 -> 384 products showed no clear gain and stay on <c>linear</c>). The results agree
/// with <c>linear</c> to float rounding (another summation order); the ONNX Runtime parity tests cover both paths.
/// </summary>
internal static class WideProjection
{
    /// <summary>Projects [batch, length, in] to [batch, length, out].</summary>
    /// <param name="x">Contiguous input [batch, length, in].</param>
    /// <param name="weight">[out, in].</param>
    /// <param name="bias">[out].</param>
    /// <returns>[batch, length, out].</returns>
    public static Tensor Apply(Tensor x, Tensor weight, Tensor bias)
    {
        if (is_grad_enabled() || x.device_type != DeviceType.CPU || x.dim() != 3 || !x.is_contiguous())
        {
            return nn.functional.linear(x, weight, bias);
        }

        var (b, l, i) = (x.shape[0], x.shape[1], x.shape[2]);
        var o = weight.shape[0];
        using var kernel = weight.view(o, i, 1, 1);
        using var channelsLast = x.view(b, l, 1, i).permute(0, 3, 1, 2);
        using var y = nn.functional.conv2d(channelsLast, kernel, bias);
        using var back = y.permute(0, 2, 3, 1);
        return back.reshape(b, l, o);
    }
}
