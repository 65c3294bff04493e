using Harness.Models.Onnx;
using static TorchSharp.torch;

namespace Harness.Models.Bert;

/// <summary>
/// Copies the weights of an exported HF BERT (ONNX) into a <see cref="BertModel"/>. Embedding, LayerNorm and bias
/// initializers keep their HF names in the export; the linear weights are anonymous MatMul operands stored transposed
/// ([in, out]), so each is named by the bias its MatMul's output is added to (<c>X.bias</c> gives <c>X.weight</c>).
/// Every parameter of the model must receive exactly one initializer of the right shape, and every float initializer
/// must land somewhere (the unused pooler aside); otherwise loading fails naming the source and the weight.
/// </summary>
public static class OnnxBertWeights
{
    /// <summary>Loads the weights.</summary>
    /// <param name="model">The model to fill (its shape must match the export).</param>
    /// <param name="graph">The parsed export.</param>
    /// <param name="source">The model's origin for error messages (for example the resource name).</param>
    /// <exception cref="InvalidDataException">A weight is missing, duplicated, of the wrong shape or not understood.</exception>
    public static void Load(BertModel model, OnnxGraph graph, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(graph);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        var found = new Dictionary<string, (OnnxInitializer Init, bool Transposed)>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);

        foreach (var init in graph.Initializers.Values.Where(i => parameters.ContainsKey(i.Name)))
        {
            found[init.Name] = (init, false);
            used.Add(init.Name);
        }

        var consumers = graph.Nodes
            .Where(n => n.OpType == "Add")
            .SelectMany(n => n.Inputs.Select(i => (Input: i, Node: n)))
            .ToLookup(x => x.Input, x => x.Node, StringComparer.Ordinal);
        foreach (var matmul in graph.Nodes.Where(n => n.OpType == "MatMul" && n.Inputs.Count == 2 && n.Outputs.Count == 1))
        {
            if (!graph.Initializers.TryGetValue(matmul.Inputs[1], out var weight) || used.Contains(weight.Name))
            {
                continue;
            }

            var bias = consumers[matmul.Outputs[0]]
                .SelectMany(add => add.Inputs)
                .FirstOrDefault(i => i.EndsWith(".bias", StringComparison.Ordinal) && graph.Initializers.ContainsKey(i));
            if (bias is null)
            {
                throw new InvalidDataException($"{source}: cannot tell which layer the MatMul weight '{weight.Name}' belongs to (no bias added to its output)");
            }

            var name = string.Concat(bias.AsSpan(0, bias.Length - ".bias".Length), ".weight");
            if (!found.TryAdd(name, (weight, true)))
            {
                throw new InvalidDataException($"{source}: two initializers for '{name}' ('{found[name].Init.Name}' and '{weight.Name}')");
            }

            used.Add(weight.Name);
        }

        var unused = graph.Initializers.Keys
            .Where(n => !used.Contains(n) && !n.StartsWith("pooler.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unused.Count > 0)
        {
            throw new InvalidDataException($"{source}: initializers that match no parameter of a {model.Config.Layers}-layer BERT: {string.Join(", ", unused.Take(5))}");
        }

        using var noGrad = no_grad();
        foreach (var (name, parameter) in parameters)
        {
            if (!found.TryGetValue(name, out var entry))
            {
                throw new InvalidDataException($"{source}: no initializer for parameter '{name}'");
            }

            var shape = entry.Transposed ? entry.Init.Shape.Reverse().ToArray() : entry.Init.Shape;
            if (!shape.SequenceEqual(parameter.shape))
            {
                throw new InvalidDataException(
                    $"{source}: initializer '{entry.Init.Name}' for '{name}' has shape [{string.Join(",", shape)}], the model expects [{string.Join(",", parameter.shape)}]");
            }

            using var values = tensor(entry.Init.Data, entry.Init.Shape, dtype: ScalarType.Float32);
            using var oriented = entry.Transposed ? values.t() : values.alias();
            parameter.copy_(oriented);
        }
    }
}
