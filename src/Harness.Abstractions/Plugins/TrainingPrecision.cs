namespace Harness.Abstractions.Plugins;

/// <summary>
/// The precision the host trains in. TorchSharp 0.107 has no autocast: an encoder that supports a lower precision
/// casts inside Encode and still returns float32.
/// </summary>
public enum TrainingPrecision
{
    /// <summary>32-bit floats.</summary>
    Float32,

    /// <summary>bfloat16 compute.</summary>
    BFloat16,

    /// <summary>float16 compute.</summary>
    Float16,
}
