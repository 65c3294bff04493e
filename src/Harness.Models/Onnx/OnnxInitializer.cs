namespace Harness.Models.Onnx;

/// <summary>A float32 initializer (a weight) of an ONNX graph.</summary>
/// <param name="Name">The initializer's name in the graph.</param>
/// <param name="Shape">Its dimensions.</param>
/// <param name="Data">Its values in row-major order.</param>
public sealed record OnnxInitializer(string Name, long[] Shape, float[] Data);
