using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Harness.Models.Onnx;

/// <summary>
/// The parts of an ONNX model the BERT port needs: the float32 initializers (weights) and the nodes (to see which
/// MatMul weight belongs to which bias). Read with Google.Protobuf's wire-format reader, field by field: the generated
/// ONNX message classes would need protoc and onnx.proto in the build for the five fields used here
/// (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5; NodeProto.input = 1, output = 2, op_type = 4;
/// TensorProto.dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9). OnnxSharp (0.3.2) would parse it all
/// but is an unmaintained pre-1.0 package for a job this small.
/// </summary>
public sealed class OnnxGraph
{
    private const int FloatType = 1;

    private OnnxGraph(IReadOnlyDictionary<string, OnnxInitializer> initializers, IReadOnlyList<OnnxNode> nodes)
    {
        Initializers = initializers;
        Nodes = nodes;
    }

    /// <summary>The float32 initializers by name (initializers of other types are skipped).</summary>
    public IReadOnlyDictionary<string, OnnxInitializer> Initializers { get; }

    /// <summary>The graph's nodes in order.</summary>
    public IReadOnlyList<OnnxNode> Nodes { get; }

    /// <summary>Parses a serialized ONNX ModelProto.</summary>
    /// <param name="model">The model bytes.</param>
    /// <param name="source">What the bytes are (for error messages), for example a resource name.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model with a graph.</exception>
    public static OnnxGraph Parse(byte[] model, string source)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("reading ONNX raw_data needs a little-endian machine");
        }

        try
        {
            ByteString? graph = null;
            var input = new CodedInputStream(model);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) == 7 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    graph = input.ReadBytes();
                }
                else
                {
                    input.SkipLastField();
                }
            }

            return graph is null
                ? throw new InvalidDataException($"{source} is not an ONNX model (no graph)")
                : ParseGraph(graph, source);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{source} is corrupt (not a valid ONNX protobuf: {e.Message})", e);
        }
    }

    private static OnnxGraph ParseGraph(ByteString bytes, string source)
    {
        var initializers = new Dictionary<string, OnnxInitializer>(StringComparer.Ordinal);
        var nodes = new List<OnnxNode>();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    nodes.Add(ParseNode(input.ReadBytes()));
                    break;
                case 5:
                    if (ParseTensor(input.ReadBytes(), source) is { } init)
                    {
                        initializers[init.Name] = init;
                    }

                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxGraph(initializers, nodes);
    }

    private static OnnxNode ParseNode(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var inputs = new List<string>();
        var outputs = new List<string>();
        var op = string.Empty;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    inputs.Add(input.ReadString());
                    break;
                case 2:
                    outputs.Add(input.ReadString());
                    break;
                case 4:
                    op = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxNode(op, inputs, outputs);
    }

    private static OnnxInitializer? ParseTensor(ByteString bytes, string source)
    {
        var input = bytes.CreateCodedInput();
        var dims = new List<long>();
        var type = 0;
        var name = string.Empty;
        ByteString? raw = null;
        var floats = new List<float>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when packed:
                    var dimInput = input.ReadBytes().CreateCodedInput();
                    while (!dimInput.IsAtEnd)
                    {
                        dims.Add(dimInput.ReadInt64());
                    }

                    break;
                case 1:
                    dims.Add(input.ReadInt64());
                    break;
                case 2:
                    type = input.ReadInt32();
                    break;
                case 4 when packed:
                    floats.AddRange(MemoryMarshal.Cast<byte, float>(input.ReadBytes().Span).ToArray());
                    break;
                case 4:
                    floats.Add(input.ReadFloat());
                    break;
                case 8:
                    name = input.ReadString();
                    break;
                case 9:
                    raw = input.ReadBytes();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (type != FloatType)
        {
            return null;
        }

        var count = dims.Aggregate(1L, (a, d) => a * d);
        var data = raw is not null ? MemoryMarshal.Cast<byte, float>(raw.Span).ToArray() : floats.ToArray();
        return data.LongLength != count
            ? throw new InvalidDataException(
                $"{source} is corrupt: initializer '{name}' has {data.LongLength} values for shape [{string.Join(",", dims)}]")
            : new OnnxInitializer(name, [.. dims], data);
    }
}
