using Harness.Abstractions.Encoders;
using Harness.Models.Bert;
using Harness.Plugins.Encoders.Bert;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Encoders;

/// <summary>Batching, reordering and fine-tuning of the BERT encoder (MiniLM weights, a few short texts).</summary>
[NonParallelizable]
public sealed class BertEncoderTests
{
    [Test]
    public void Length_sorted_batches_give_each_text_its_own_embedding_in_input_order()
    {
        string[] texts = ["a", "a much longer text than the others, with many more word pieces in it", "two words", "three small words", "x y"];
        var batched = PretrainedModels.Load(ModelPackage.MiniLm, Pooling.Mean, string.Empty, batchSize: 2);
        using var noGrad = no_grad();
        using var all = batched.Encode(texts, TextRole.Document);
        for (var i = 0; i < texts.Length; i++)
        {
            using var alone = PretrainedModels.MiniLm.Encode([texts[i]], TextRole.Document);
            using var row = all[i];
            Assert.That((row - alone[0]).abs().max().item<float>(), Is.LessThan(1e-5f), texts[i]);
        }

        using var none = batched.Encode([], TextRole.Query);
        Assert.That(none.shape, Is.EqualTo(new long[] { 0, 384 }));
        batched.Dispose();
    }

    [Test]
    public void Batches_respect_the_text_and_token_limits_and_end_at_a_length_change_once_half_full()
    {
        // Lengths sorted decreasing. Limits 4 texts, 40 tokens.
        //  - 30: 40 / 30 = 1 text allowed -> alone.
        //  - 10, 10, 9, 9, 9: 4 allowed; 10, 10 is half full, 9 < 10 -> cut -> (1, 2); then 9, 9, 9 -> (3, 3)
        //    (the 4th would be a 5 after 9: 3 of 4 is half full and the length drops -> cut).
        //  - 5, 5, 5, 5, 5: 40 / 5 = 8 allowed but at most 4 texts -> (6, 4), (10, 1).
        int[] lengths = [30, 10, 10, 9, 9, 9, 5, 5, 5, 5, 5];
        Assert.That(BertEncoder.Batches(lengths, 4, 40), Is.EqualTo(new[] { (0, 1), (1, 2), (3, 3), (6, 4), (10, 1) }));

        // Below half full a batch takes shorter texts (padding) rather than end small: 8, 7, 6 with room for 5.
        Assert.That(BertEncoder.Batches([8, 7, 6], 5, 1000), Is.EqualTo(new[] { (0, 3) }));

        // A text longer than the token budget still goes (alone); nothing is lost or repeated.
        Assert.That(BertEncoder.Batches([500, 400], 64, 100), Is.EqualTo(new[] { (0, 1), (1, 1) }));
        Assert.That(BertEncoder.Batches([], 64, 100), Is.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => BertEncoder.Batches([1], 0, 100).ToList());
    }

    [Test]
    public void Fine_tuning_the_top_layer_lowers_an_infonce_loss_and_leaves_frozen_weights_alone()
    {
        using var encoder = PretrainedModels.Load(ModelPackage.MiniLm, Pooling.Mean, string.Empty, trainableLayers: 1);
        var trainable = encoder.parameters().Where(p => p.requires_grad).ToList();
        var frozenNames = encoder.named_parameters().Where(p => !p.parameter.requires_grad).Select(p => p.name).ToList();
        Assert.That(trainable, Has.Count.EqualTo(16), "the top layer's 16 tensors");
        Assert.That(frozenNames, Does.Contain("bert.embeddings.word_embeddings.weight").And.Contain("bert.encoder.layer.4.output.dense.weight"));
        Assert.That(frozenNames.Any(n => n.Contains("layer.5.", StringComparison.Ordinal)), Is.False);

        using var frozenBefore = encoder.named_parameters().First(p => p.name == "bert.encoder.layer.0.attention.self.query.weight").parameter.detach().clone();
        using var topBefore = encoder.named_parameters().First(p => p.name == "bert.encoder.layer.5.output.dense.weight").parameter.detach().clone();
        string[] queries = ["fonts for the console", "audio mixer"];
        string[] documents = ["a sound mixing desk for pulseaudio", "bitmap fonts for the linux text console"];
        using var optimizer = optim.AdamW(trainable, lr: 1e-4);
        using var target = tensor(new long[] { 1, 0 });
        encoder.train();
        var losses = new List<float>();
        random.manual_seed(1);
        for (var step = 0; step < 4; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var q = encoder.Encode(queries, TextRole.Query);
            var d = encoder.Encode(documents, TextRole.Document);
            var loss = nn.functional.cross_entropy(q.matmul(d.t()) / 0.05, target);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.That(losses[^1], Is.LessThan(losses[0]), string.Join(", ", losses));
        var frozenAfter = encoder.named_parameters().First(p => p.name == "bert.encoder.layer.0.attention.self.query.weight").parameter;
        var topAfter = encoder.named_parameters().First(p => p.name == "bert.encoder.layer.5.output.dense.weight").parameter;
        Assert.That(frozenAfter.allclose(frozenBefore, 0, 0), Is.True, "a frozen layer did not move");
        Assert.That(topAfter.allclose(topBefore, 0, 0), Is.False, "the trainable layer moved");
    }
}
