using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// Tensor arithmetic that hands libtorch only Scalars we keep alive across the native call. TorchSharp 0.107's own
/// operators with a number (<c>t / 2.0</c>, <c>1 - t</c>, <c>t + 1</c>), <c>a + b</c> (it calls <c>add(b, 1)</c>: an
/// implicit alpha), <c>square()</c> (<c>pow(2)</c>) and <c>functional.softplus</c> (its beta and threshold) each make a
/// Scalar inside TorchSharp that the GC may free while libtorch reads it (see <see cref="Scalars"/>;
/// tests/Harness.Tests/House/ImplicitScalarTests finds every call to such a member). Each helper does what the
/// TorchSharp member it replaces does, with a Scalar of the same type (int, float or double), so results are identical.
/// </summary>
internal static class TensorMath
{
    /// <summary>softplus' defaults in TorchSharp and PyTorch (beta 1, threshold 20), as the doubles it converts.</summary>
    private static readonly Scalar SoftplusBeta = 1.0.ToScalar();

    private static readonly Scalar SoftplusThreshold = 20.0.ToScalar();

    private static readonly Scalar Two = 2.ToScalar();

    /// <summary><paramref name="a"/> + <paramref name="b"/>, as <c>a + b</c> (alpha 1).</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, Scalars.One);

    /// <summary><paramref name="a"/> + <paramref name="b"/>, as <c>a + b</c> with an int.</summary>
    public static Tensor Plus(this Tensor a, int b)
    {
        using var s = b.ToScalar();
        return a.add(s, Scalars.One);
    }

    /// <summary><paramref name="a"/> + <paramref name="b"/>, as <c>a + b</c> with a double.</summary>
    public static Tensor Plus(this Tensor a, double b)
    {
        using var s = b.ToScalar();
        return a.add(s, Scalars.One);
    }

    /// <summary><paramref name="a"/> - <paramref name="b"/>, as <c>a - b</c> with an int.</summary>
    public static Tensor Minus(this Tensor a, int b)
    {
        using var s = b.ToScalar();
        return a.sub(s);
    }

    /// <summary><paramref name="a"/> - <paramref name="b"/>, as <c>a - b</c> with a double.</summary>
    public static Tensor Minus(this Tensor a, double b)
    {
        using var s = b.ToScalar();
        return a.sub(s);
    }

    /// <summary><paramref name="a"/> - <paramref name="t"/>, as <c>a - t</c> (TorchSharp: <c>-t + a</c>).</summary>
    public static Tensor SubtractedFrom(this Tensor t, double a)
    {
        using var s = a.ToScalar();
        return t.negative().add(s, Scalars.One);
    }

    /// <summary><paramref name="t"/> · <paramref name="factor"/>, as <c>t * factor</c> or <c>factor * t</c>.</summary>
    public static Tensor Times(this Tensor t, double factor)
    {
        using var s = factor.ToScalar();
        return t.mul(s);
    }

    /// <summary><paramref name="t"/> / <paramref name="divisor"/>, as <c>t / divisor</c>.</summary>
    public static Tensor DividedBy(this Tensor t, double divisor)
    {
        using var s = divisor.ToScalar();
        return t.div(s);
    }

    /// <summary>t², as <c>t.square()</c> (<c>pow(2)</c>, an int exponent).</summary>
    public static Tensor Squared(this Tensor t) => t.pow(Two);

    /// <summary>softplus(t) = log(1 + eˣ) with PyTorch's defaults, as <c>nn.functional.softplus(t)</c>.</summary>
    public static Tensor Softplus(this Tensor t) => SoftplusWith(t, SoftplusBeta, SoftplusThreshold);

    // TorchSharp 0.107 has no public softplus taking Scalars: its softplus(double, double) converts both implicitly and
    // calls this private overload, which we call with our own. If an update renames it, every softplus loss test fails
    // with MissingMethodException rather than silently changing numbers.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "softplus1")]
    private static extern Tensor SoftplusWith(Tensor t, Scalar beta, Scalar threshold);
}
