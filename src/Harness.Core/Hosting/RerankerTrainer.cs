using System.Diagnostics;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using static TorchSharp.torch;

namespace Harness.Core.Hosting;

/// <summary>
/// Trains a trainable reranker (a cross-encoder, as a cell's reranker or as a sampler's teacher) the way
/// <see cref="RerankerTraining"/> describes: per epoch the training queries with a labelled positive are shuffled
/// (seeded) and batched; each query brings one labelled positive (chosen by its stream) and the sampler's negatives;
/// <see cref="ITrainableReranker.Forward"/> scores the [B, 1 + n] lists (short lists masked) and the loss's score stage
/// gives the loss, minimised with AdamW under a linear warm-up then linear decay of the learning rate (Hugging Face's
/// get_linear_schedule_with_warmup) and global gradient-norm clipping. Deterministic for a seed on the CPU.
/// </summary>
public static class RerankerTrainer
{
    /// <summary>Trains the reranker in place and leaves it in eval mode.</summary>
    /// <param name="reranker">The reranker (created on its device).</param>
    /// <param name="options">Epochs, batch, learning rate, negatives.</param>
    /// <param name="loss">The score stage of the loss.</param>
    /// <param name="sampler">A prepared negative sampler.</param>
    /// <param name="training">The training view.</param>
    /// <param name="context">Seed (streams <c>reranker-training</c> and <c>reranker-negatives</c>) and cancellation.</param>
    /// <returns>The per-epoch mean losses, the steps and the time taken.</returns>
    /// <exception cref="InvalidOperationException">No training query has a labelled positive, or the loss is not finite.</exception>
    public static RerankerTrainingResult Train(ITrainableReranker reranker, RerankerTraining options, IScoreLoss loss, INegativeSampler sampler, ITrainingData training, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var queries = training.Queries.Where(q => training.LabelledPositives(q.Id).Count > 0).ToList();
        if (queries.Count == 0)
        {
            throw new InvalidOperationException($"no training query of '{training.Name}' has a labelled positive to train the reranker on");
        }

        var byId = training.Corpus.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var module = reranker.Module;
        var parameters = module.parameters().Where(p => p.requires_grad).ToList();
        using var optimizer = optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay);
        var stepsPerEpoch = (queries.Count + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = (long)stepsPerEpoch * options.Epochs;
        var warmupSteps = (long)Math.Ceiling(totalSteps * Math.Clamp(options.WarmupFraction, 0, 1));
        var order = context.CreateRandom("reranker-training");
        var clock = Stopwatch.StartNew();
        var epochLosses = new List<double>();
        long step = 0;
        module.train();
        try
        {
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                sampler.BeginEpoch(new SamplerEpoch(epoch, step, step));
                var shuffled = queries.ToArray();
                order.Shuffle(shuffled);
                var sum = 0.0;
                var batches = 0;
                for (var start = 0; start < shuffled.Length; start += options.BatchSize)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var batch = shuffled.Skip(start).Take(options.BatchSize).ToList();
                    var e = epoch;
                    var samples = sampler.SampleBatch(new SampleBatchRequest(batch, options.Negatives, epoch, step, q => context.CreateRandom($"reranker-negatives/{e}/{q.Id}")));
                    var lists = new List<IReadOnlyList<Document>>(batch.Count);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var positives = training.LabelledPositives(batch[i].Id);
                        var pick = context.CreateRandom($"reranker-positive/{e}/{batch[i].Id}").Next(positives.Count);
                        lists.Add([byId[positives[pick]], .. samples[i].DocumentIds.Where(byId.ContainsKey).Select(id => byId[id])]);
                    }

                    using var scope = NewDisposeScope();

                    // Dropout draws from torch's default generator: seeded per step, so training is a function of the seed.
                    manual_seed(PluginContext.DeriveSeed(context.Seed, $"reranker-training/torch/step={step}"));
                    var scores = reranker.Forward(batch, lists);
                    var width = (int)scores.shape[1];
                    var labels = new float[batch.Count * width];
                    var valid = new bool[labels.Length];
                    for (var i = 0; i < lists.Count; i++)
                    {
                        labels[i * width] = 1;
                        Array.Fill(valid, true, i * width, lists[i].Count);
                    }

                    long[] shape = [batch.Count, width];
                    var value = loss.Compute(new ScoreBatch(scores, tensor(labels, shape, device: scores.device))
                    {
                        Mask = tensor(valid, shape, device: scores.device),
                    });
                    var v = value.item<float>();
                    if (!float.IsFinite(v))
                    {
                        throw new InvalidOperationException($"the reranker's training loss became {v} at step {step}");
                    }

                    optimizer.zero_grad();
                    value.backward();
                    if (options.MaxGradientNorm > 0)
                    {
                        nn.utils.clip_grad_norm_(parameters, options.MaxGradientNorm);
                    }

                    var rate = LearningRateAt(options.LearningRate, step, totalSteps, warmupSteps);
                    foreach (var group in optimizer.ParamGroups)
                    {
                        group.LearningRate = rate;
                    }

                    optimizer.step();
                    sum += v;
                    batches++;
                    step++;
                }

                epochLosses.Add(sum / Math.Max(1, batches));
            }
        }
        finally
        {
            module.eval();
        }

        return new RerankerTrainingResult(epochLosses, step, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The learning rate of 0-based step <paramref name="step"/> of <paramref name="totalSteps"/>: base · s / W during
    /// the W warm-up steps (the first step at 0, as Hugging Face's schedule), then base · (T − s) / (T − W).
    /// </summary>
    public static double LearningRateAt(double baseRate, long step, long totalSteps, long warmupSteps) =>
        step < warmupSteps
            ? baseRate * step / warmupSteps
            : baseRate * Math.Max(0.0, (double)(totalSteps - step) / Math.Max(1, totalSteps - warmupSteps));
}
