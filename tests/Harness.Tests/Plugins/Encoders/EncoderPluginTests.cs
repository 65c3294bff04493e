using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Conformance;
using Harness.Conformance.Encoders;
using Harness.Core.PluginHost;
using Harness.Tests.Support;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Encoders;

/// <summary>minilm, arctic-xs and transformer as the host loads them: from the published plugin folder.</summary>
[NonParallelizable]
public sealed class EncoderPluginTests
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() =>
        PluginCatalog.Load([new PluginDirectory(TestPaths.BuiltInPlugins, true, "test")]));

    private static IEncoder Create(string id, int seed = 7, params (string Name, string Value)[] set)
    {
        var plugin = Catalog.Value.Get<IEncoderPlugin>(id);
        var parameters = PluginParameters.Resolve(plugin.Info.Parameters, set.ToDictionary(s => s.Name, s => s.Value));
        return plugin.Create(parameters, new PluginContext(seed));
    }

    [Test]
    public void The_pretrained_plugins_load_and_give_unit_vectors_of_dimension_384()
    {
        foreach (var id in new[] { "minilm", "arctic-xs" })
        {
            using var encoder = Create(id);
            encoder.Module.eval();
            using var noGrad = no_grad();
            using var e = encoder.Encode(["network driver", "unicode font"], TextRole.Query);
            Assert.That(encoder.Dimension, Is.EqualTo(384), id);
            Assert.That(e.shape, Is.EqualTo(new long[] { 2, 384 }), id);
            Assert.That(e.norm(1).data<float>().ToArray(), Is.EqualTo(new[] { 1f, 1f }).Within(1e-5f), id);
        }
    }

    [Test]
    public void A_pretrained_encoder_ranks_the_matching_description_first()
    {
        using var encoder = Create("minilm");
        encoder.Module.eval();
        using var noGrad = no_grad();
        using var q = encoder.Encode(["play music files", "read email"], TextRole.Query);
        using var d = encoder.Encode(["an audio player for mp3 and ogg files", "a mail client with imap support", "a c compiler"], TextRole.Document);
        var best = q.matmul(d.t()).argmax(1).data<long>().ToArray();
        Assert.That(best, Is.EqualTo(new long[] { 0, 1 }));
    }

    [Test]
    public void Transformer_weights_follow_the_seed_and_its_shape_follows_the_parameters()
    {
        using var a = Create("transformer", 7, ("layers", "1"), ("dim", "32"), ("heads", "4"));
        using var b = Create("transformer", 7, ("layers", "1"), ("dim", "32"), ("heads", "4"));
        using var c = Create("transformer", 8, ("layers", "1"), ("dim", "32"), ("heads", "4"));
        var pa = a.Module.parameters().ToList();
        var pb = b.Module.parameters().ToList();
        var pc = c.Module.parameters().ToList();
        Assert.That(a.Dimension, Is.EqualTo(32));
        Assert.That(pa.Zip(pb).All(x => x.First.allclose(x.Second, 0, 0)), Is.True, "same seed, same weights");
        Assert.That(pa.Zip(pc).Any(x => !x.First.allclose(x.Second, 0, 0)), Is.True, "another seed, other weights");

        // 30522 x 32 word pieces + 128 x 32 positions + 2 x 32 types + LayerNorm, one layer with FFN 4 x 32.
        var count = pa.Sum(p => p.numel());
        Assert.That(count, Is.EqualTo((30522 * 32) + (128 * 32) + (2 * 32) + 64 + ((4 * ((32 * 32) + 32)) + 64 + ((32 * 128) + 128) + ((128 * 32) + 32) + 64)));

        a.Module.eval();
        using var noGrad = no_grad();
        using var e = a.Encode(["hello world", "another text"], TextRole.Document);
        Assert.That(e.shape, Is.EqualTo(new long[] { 2, 32 }));
    }

    [Test]
    public void Heads_that_do_not_divide_dim_are_a_parameter_error()
    {
        var e = Assert.Throws<PluginParameterException>(() => Create("transformer", 7, ("dim", "30"), ("heads", "4")));
        Assert.That(e!.Message, Is.EqualTo("parameter 'dim': 30 is not a multiple of heads=4"));
    }

    [Test]
    public void Transformer_and_minilm_pass_the_encoder_conformance_checks_including_save_and_load()
    {
        foreach (var (id, set) in new[] { ("transformer", new Dictionary<string, object?> { ["layers"] = 1, ["dim"] = 32 }), ("minilm", new Dictionary<string, object?>()) })
        {
            var plugin = Catalog.Value.Get<IEncoderPlugin>(id);
            var results = EncoderConformance.Check(plugin, PluginParameters.Resolve(plugin.Info.Parameters, set));
            var failed = results.Where(r => r.Outcome == CheckOutcome.Failed).Select(r => $"{r.Check}: {r.Message}").ToList();
            Assert.That(failed, Is.Empty, id);
            Assert.That(results.Count(r => r.Outcome == CheckOutcome.Passed), Is.GreaterThanOrEqualTo(5), id);
        }
    }

    [Test]
    public void Forward_of_tokenize_equals_encode_and_a_checkpoint_of_another_shape_is_refused()
    {
        using var encoder = Create("minilm");
        encoder.Module.eval();
        var tokenizing = (ITokenizingEncoder)encoder;
        string[] texts = ["a short one", "a somewhat longer text with more word pieces", string.Empty];
        using (no_grad())
        {
            using var input = tokenizing.Tokenize(texts, TextRole.Query);
            Assert.That(input.Tensors["input_ids"].device_type, Is.EqualTo(TorchSharp.DeviceType.CPU));
            using var split = tokenizing.Forward(input);
            using var whole = encoder.Encode(texts, TextRole.Query);
            Assert.That((split - whole).abs().max().item<float>(), Is.LessThan(1e-5f));
        }

        using var temp = new TempDirectory();
        using var small = Create("transformer", 7, ("layers", "1"), ("dim", "32"));
        using var other = Create("transformer", 7, ("layers", "1"), ("dim", "64"));
        small.Save(temp.Path);
        Assert.That(File.Exists(Path.Combine(temp.Path, "vocab.txt")), Is.True);
        var e = Assert.Throws<InvalidDataException>(() => other.Load(temp.Path));
        Assert.That(e!.Message, Does.StartWith(Path.Combine(temp.Path, "module.dat") + ": not a checkpoint of this encoder"));
    }
}
