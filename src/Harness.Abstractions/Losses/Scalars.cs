using TorchSharp;

namespace Harness.Abstractions.Losses;

/// <summary>
/// The constant Scalars the loss helpers pass to libtorch, created once and never freed. An implicit number → Scalar
/// conversion would leave each one to the finalizer, which can free it while libtorch reads it (dotnet/TorchSharp#1434;
/// tests/Harness.Tests/House/ImplicitScalarTests keeps our assemblies free of them).
/// </summary>
internal static class Scalars
{
    public static readonly Scalar Zero = 0.ToScalar();

    public static readonly Scalar One = 1.ToScalar();

    public static readonly Scalar NaN = double.NaN.ToScalar();

    public static readonly Scalar MaskedLogit = LossMath.MaskedLogit.ToScalar();

    /// <summary>The smallest positive float, whose log stands for the log of a zero weight.</summary>
    public static readonly Scalar TinyWeight = 1e-45.ToScalar();
}
