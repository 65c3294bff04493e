namespace Harness.Models.Onnx;

/// <summary>A node of an ONNX graph: operator type, input and output value names.</summary>
/// <param name="OpType">The operator, for example <c>MatMul</c>.</param>
/// <param name="Inputs">Names of the values it reads.</param>
/// <param name="Outputs">Names of the values it writes.</param>
public sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);
