using Harness.Abstractions.Encoders;
using Harness.Models.Bert;
using Harness.Plugins.Encoders.Bert;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Encoders;

/// <summary>
/// The TorchSharp BERT port against ONNX Runtime running the packages' own model.onnx: the same token ids go to both;
/// ONNX Runtime sees each text alone (no padding), the port a length-sorted, padded batch, so padding, masking and
/// reordering are checked too. Pooling and normalisation on the ONNX side are computed here from last_hidden_state.
/// </summary>
[NonParallelizable]
public sealed class OnnxRuntimeParityTests
{
    private static readonly string[] Texts =
    [
        "This is an example sentence",
        "Each sentence is converted",
        "linux kernel headers\nfor building modules; the first word of this line must not be lost.",
        "Café naïve résumé — accents, punctuation (brackets) and numbers 3.14!",
        "short",
        "A longer description of a Debian package: this package provides the command-line tools for manipulating "
            + "archives, including compression, extraction and listing of contents in many formats.",
    ];

    [Test]
    public void Minilm_matches_onnx_runtime_to_1e4_per_dimension_with_mean_pooling()
    {
        var encoder = PretrainedModels.MiniLm;
        var ids = encoder.TokenizeIds(Texts, TextRole.Document);
        var expected = RunOnnx(ModelPackage.MiniLm, ids, cls: false);

        using var noGrad = no_grad();
        using var actual = encoder.EncodeIds(ids);
        AssertClose(actual, expected);
    }

    [Test]
    public void Minilm_matches_onnx_runtime_on_batches_without_padding_which_skip_the_attention_mask()
    {
        // Each text twice, batches of 2: the batcher puts equal lengths together, so every batch is of one length (no
        // mask, mean over all tokens, in place GELU under no_grad); the result leaves inference mode as an ordinary
        // tensor (an in-place op on an inference tensor would throw outside inference mode).
        using var encoder = PretrainedModels.Load(ModelPackage.MiniLm, Pooling.Mean, string.Empty, batchSize: 2);
        var ids = encoder.TokenizeIds([.. Texts, .. Texts], TextRole.Document);
        var lengths = ids.Select(x => x.Length).OrderDescending().ToArray();
        Assert.That(BertEncoder.Batches(lengths, 2, encoder.Options.BatchTokens).Select(b => lengths[b.Start] == lengths[b.Start + b.Count - 1]), Is.All.True);
        var expected = RunOnnx(ModelPackage.MiniLm, ids, cls: false);

        using var noGrad = no_grad();
        using var actual = encoder.EncodeIds(ids);
        AssertClose(actual, expected);
        Assert.DoesNotThrow(() => actual.neg_().neg_(), "the result is usable outside inference mode");
    }

    [Test]
    public void Minilm_reproduces_the_reference_values_for_the_example_sentence()
    {
        using var noGrad = no_grad();
        using var e = PretrainedModels.MiniLm.Encode(["This is an example sentence"], TextRole.Query);
        var first = e[0].data<float>().Take(4).ToArray();

        // The shared notes (DATA.md): 0.0677, 0.0635, 0.0487, 0.0793 through ONNX Runtime (rounded to 4 places).
        Assert.That(first, Is.EqualTo(new[] { 0.0677f, 0.0635f, 0.0487f, 0.0793f }).Within(5e-5f));
        Assert.That(e.norm().item<float>(), Is.EqualTo(1f).Within(1e-5f));
    }

    [Test]
    public void Arctic_matches_onnx_runtime_to_1e4_per_dimension_with_cls_pooling_and_the_query_prefix()
    {
        var encoder = PretrainedModels.Arctic;
        var ids = encoder.TokenizeIds(Texts, TextRole.Query);
        var prefixed = encoder.TokenizeIds(Texts.Select(t => ArcticXsEncoderPlugin.QueryPrefix + t).ToList(), TextRole.Document);
        Assert.That(ids, Is.EqualTo(prefixed), "a query is the prefix plus the text; a document is the text alone");

        var expected = RunOnnx(ModelPackage.ArcticXs, ids, cls: true);
        using var noGrad = no_grad();
        using var actual = encoder.EncodeIds(ids);
        AssertClose(actual, expected);
    }

    private static void AssertClose(TorchSharp.torch.Tensor actual, float[][] expected)
    {
        Assert.That(actual.shape, Is.EqualTo(new long[] { expected.Length, 384 }));
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            var row = actual[i].data<float>().ToArray();
            for (var d = 0; d < row.Length; d++)
            {
                worst = Math.Max(worst, Math.Abs(row[d] - expected[i][d]));
            }
        }

        Assert.That(worst, Is.LessThanOrEqualTo(1e-4), "largest per-dimension difference from ONNX Runtime");
    }

    private static float[][] RunOnnx(ModelPackage package, IReadOnlyList<long[]> ids, bool cls)
    {
        using var session = new InferenceSession(package.ReadResource(package.ModelResource, PretrainedModels.Directory));
        var result = new float[ids.Count][];
        for (var i = 0; i < ids.Count; i++)
        {
            var n = ids[i].Length;
            var shape = new[] { 1, n };
            var inputs = new List<NamedOnnxValue>
            {
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids[i], shape)),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, n).ToArray(), shape)),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[n], shape)),
            };
            using var outputs = session.Run(inputs, ["last_hidden_state"]);
            var hidden = outputs[0].AsTensor<float>();
            var pooled = new double[384];
            for (var d = 0; d < 384; d++)
            {
                if (cls)
                {
                    pooled[d] = hidden[0, 0, d];
                }
                else
                {
                    for (var t = 0; t < n; t++)
                    {
                        pooled[d] += hidden[0, t, d];
                    }

                    pooled[d] /= n;
                }
            }

            var norm = Math.Sqrt(pooled.Sum(x => x * x));
            result[i] = pooled.Select(x => (float)(x / norm)).ToArray();
        }

        return result;
    }
}
