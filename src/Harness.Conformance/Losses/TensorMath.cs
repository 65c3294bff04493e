using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Conformance.Losses;

/// <summary>
/// The tensor arithmetic the loss checks use, with Scalars kept alive across the native call. TorchSharp 0.107's
/// <c>t * 0.5f</c> and <c>a + b</c> (alpha 1) each make an implicit Scalar inside TorchSharp that the GC may free while
/// libtorch reads it (dotnet/TorchSharp#1434; tests/Harness.Tests/House/ImplicitScalarTests finds every call to such a
/// member). Each helper does what the operator does, with a Scalar of the same type, so results are identical.
/// </summary>
internal static class TensorMath
{
    private static readonly Scalar One = 1.ToScalar();

    /// <summary><paramref name="a"/> + <paramref name="b"/>, as <c>a + b</c> (alpha 1).</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><paramref name="t"/> · <paramref name="factor"/>, as <c>t * factor</c> with a float.</summary>
    public static Tensor Times(this Tensor t, float factor)
    {
        using var s = factor.ToScalar();
        return t.mul(s);
    }

    /// <summary><paramref name="t"/> · <paramref name="factor"/>, as <c>t * factor</c> with an int.</summary>
    public static Tensor Times(this Tensor t, int factor)
    {
        using var s = factor.ToScalar();
        return t.mul(s);
    }
}
