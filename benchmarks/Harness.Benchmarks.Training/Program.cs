using System.Diagnostics;
using System.Globalization;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using Harness.Benchmarks.Training;
using Harness.Data.Synthetic;
using Harness.Plugins.Encoders;
using Harness.Plugins.Losses;
using Harness.Plugins.NegativeSamplers;
using Harness.Training;
using Harness.Training.Optimization;
using static TorchSharp.torch;

// Training throughput, the same work as ../shared/peers/w1_hashed_bow.py: hashed bag-of-words 2^18 × 128 + linear,
// InfoNCE (τ = 0.05, cosine, in-batch + 4 sampled negatives), batch 64, Adam lr 1e-3; 5 warm-up steps, then 50 timed.
//   trainer: the real Trainer end to end on synthetic text (32-word queries and documents, words only, so each text
//            has ~32 feature ids like the peer's), random negatives, batches prefetched on a background thread.
//   engine:  the peer's exact loop with random feature ids (no text, no sampler): encoder forward, InfoNCE plugin,
//            backward, the trainer's Adam step.
// --dense makes the embedding-table update dense (every row every step, as torch.optim.Adam in the peer).
var mode = args.Length > 0 ? args[0] : "trainer";
var threads = Option("--threads", 2);
var steps = Option("--steps", 50);
var warmup = Option("--warmup", 5);
var dense = args.Contains("--dense");
set_num_threads(threads);
manual_seed(0);
const int B = 64, Neg = 4, L = 32, V = 1 << 18, D = 128;

double seconds;
if (mode == "trainer")
{
    var data = new SyntheticDataset(new SyntheticOptions
    {
        Documents = 20_000,
        Queries = 5_000,
        VocabularySize = 50_000,
        DocumentLength = L,
        QueryLength = L,
        RelevantPerQuery = 2,
        Seed = 1,
    });
    var context = new PluginContext(1);
    using var encoder = new HashedBagOfWordsEncoder(D, V, 0, 1, CPU);
    var training = TrainingDataView.Create(data);
    var sampler = new RandomNegativeSampler();
    sampler.Prepare(new NegativeSamplerSetup(training, new SamplerServices()));
    var options = new TrainingOptions
    {
        Epochs = 10,
        BatchSize = B,
        Negatives = Neg,
        Optimizer = OptimizerKind.Adam,
        LearningRate = 1e-3,
        WeightDecay = 0,
        WarmupSteps = 0,
        Schedule = LearningRateSchedule.WarmupConstant,
        MaxGradientNorm = null,
        SparseUpdates = !dense,
        Threads = threads,
    };
    using var cts = new CancellationTokenSource();
    var clock = Stopwatch.StartNew();
    double start = 0, end = 0;
    var setup = new TrainingSetup(encoder, new InfoNceLoss(0.05, SimilarityFunction.Cosine, true), sampler, training, context)
    {
        LossCapabilities = new LossCapabilities(LossFeatures.Mask | LossFeatures.InBatchNegatives | LossFeatures.InBatchExcluded) { Similarity = SimilarityFunction.Cosine },
        OnStep = row =>
        {
            if (row.Step == warmup)
            {
                start = clock.Elapsed.TotalSeconds;
            }
            else if (row.Step == warmup + steps)
            {
                end = clock.Elapsed.TotalSeconds;
                cts.Cancel();
            }
        },
    };
    try
    {
        new Trainer(options).Train(setup, cts.Token);
    }
    catch (OperationCanceledException)
    {
    }

    seconds = end - start;
}
else if (mode == "engine")
{
    using var encoder = new HashedBagOfWordsEncoder(D, V, 0, 1, CPU);
    var loss = new InfoNceLoss(0.05, SimilarityFunction.Cosine, true);
    var parameters = encoder.named_parameters().Select(p => (p.name, p.parameter)).ToList();
    using var adam = new AdamOptimizer(parameters, OptimizerKind.Adam, 0.9, 0.999, 1e-8, 0, sparseUpdates: !dense);
    using var qOffsets = arange(0, B * L, L, ScalarType.Int64);
    using var dOffsets = arange(0, B * (1 + Neg) * L, L, ScalarType.Int64);
    using var labels = cat([ones(B, 1), zeros(B, Neg)], 1);
    void Step()
    {
        using var scope = NewDisposeScope();
        var q = encoder.forward(randint(0, V, [B * L]), qOffsets);
        var d = encoder.forward(randint(0, V, [B * (1 + Neg) * L]), dOffsets).view(B, 1 + Neg, D);
        loss.Compute(new LossBatch(q, d, labels)).backward();
        var grads = parameters.Select(p => p.parameter.grad is { } g ? (g.is_sparse ? SparseGradients.Coalesce(g) : g) : null).ToList();
        adam.Step(grads, 1e-3);
        encoder.zero_grad();
    }

    for (var i = 0; i < warmup; i++)
    {
        Step();
    }

    var clock = Stopwatch.StartNew();
    for (var i = 0; i < steps; i++)
    {
        Step();
    }

    seconds = clock.Elapsed.TotalSeconds;
}
else
{
    Console.Error.WriteLine($"unknown mode '{mode}' (trainer | engine)");
    return 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"harness {mode}{(dense ? " --dense" : string.Empty)} threads {threads}: {steps * B / seconds:F0} queries/s ({seconds / steps * 1000:F1} ms/step), peak RSS {Machine.PeakRssMb():F0} MiB"));
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
