using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Models.Numerics;

/// <summary>
/// Explicit TorchSharp <see cref="Scalar"/>s and Scalar-safe tensor arithmetic for the model code.
/// Why: TorchSharp 0.107's implicit number-to-Scalar conversions, and the members that make one internally
/// (<c>Tensor.add(Tensor)</c> and so <c>a + b</c> (its alpha of 1), <c>tensor * 0.5</c>, <c>1.0f - tensor</c>,
/// <c>square()</c>, <c>arange(stop)</c>, ...), leave the Scalar to its finalizer, which can free it while libtorch is
/// still reading it: a rare use-after-free ("Exception raised from toDouble at c10/core/Scalar.h"). The constants here
/// are static, so they are reachable for the life of the process; a per-call value is created with
/// <c>using var s = x.ToScalar();</c> at the call site.
/// </summary>
public static class TorchScalars
{
    /// <summary>0 (an int64 Scalar: as an arange start it keeps an int64 result).</summary>
    public static readonly Scalar Zero = 0L.ToScalar();

    /// <summary>1 (an int64 Scalar; as an alpha it is exact for every dtype).</summary>
    public static readonly Scalar One = 1L.ToScalar();

    /// <summary>BERT's additive padding mask: 10000 (the exported graphs use (1 - mask) × -10000).</summary>
    public static readonly Scalar MaskPenalty = 10000.0.ToScalar();

    /// <summary>The smallest token count a mean pool divides by (sentence-transformers' clamp).</summary>
    public static readonly Scalar PoolingFloor = 1e-9.ToScalar();

    /// <summary><paramref name="a"/> + <paramref name="b"/> (a new tensor), with an explicit alpha.</summary>
    /// <param name="a">The left tensor.</param>
    /// <param name="b">The right tensor (broadcast).</param>
    /// <returns>The sum.</returns>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>Adds <paramref name="b"/> to <paramref name="a"/> in place, with an explicit alpha.</summary>
    /// <param name="a">The tensor updated.</param>
    /// <param name="b">The tensor added (broadcast).</param>
    /// <returns><paramref name="a"/>.</returns>
    public static Tensor PlusInPlace(this Tensor a, Tensor b) => a.add_(b, One);

    /// <summary>int64 [0, 1, ..., count - 1] on <paramref name="device"/>, made with explicit Scalars.</summary>
    /// <param name="count">The length.</param>
    /// <param name="device">Where.</param>
    /// <returns>The positions.</returns>
    public static Tensor Positions(long count, Device device)
    {
        using var stop = count.ToScalar();
        return arange(Zero, stop, One, dtype: ScalarType.Int64, device: device);
    }
}
