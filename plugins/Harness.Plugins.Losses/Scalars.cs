using TorchSharp;

namespace Harness.Plugins.Losses;

/// <summary>
/// The constant Scalars the losses pass to libtorch, created once and never freed. An implicit number → Scalar
/// conversion would leave each one to the finalizer, which can free it while libtorch reads it (dotnet/TorchSharp#1434;
/// tests/Harness.Tests/House/ImplicitScalarTests keeps our assemblies free of them). Values that vary (a margin, a
/// temperature) are created per call with <c>using var s = x.ToScalar();</c> instead.
/// </summary>
internal static class Scalars
{
    public static readonly Scalar Zero = 0.ToScalar();

    public static readonly Scalar One = 1.ToScalar();

    public static readonly Scalar PositiveInfinity = double.PositiveInfinity.ToScalar();

    public static readonly Scalar NegativeInfinity = double.NegativeInfinity.ToScalar();

    /// <summary><see cref="Harness.Abstractions.Losses.LossMath.MaskedLogit"/>.</summary>
    public static readonly Scalar MaskedLogit = Harness.Abstractions.Losses.LossMath.MaskedLogit.ToScalar();
}
