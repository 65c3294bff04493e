using TorchSharp;

namespace Harness.Training.Optimization;

/// <summary>Constant TorchSharp <see cref="Scalar"/>s, created once and held by static fields for the life of the
/// process. TorchSharp 0.107 makes an unowned Scalar for every implicit number conversion, and also inside members such
/// as <c>add_(Scalar)</c> (its alpha of 1); its finalizer can free it while libtorch still reads it (see
/// <see cref="AdamOptimizer"/>), so the trainer passes these instead.</summary>
internal static class ConstantScalars
{
    /// <summary>1, as an alpha (int64: exact for every dtype).</summary>
    public static readonly Scalar One = 1L.ToScalar();
}
