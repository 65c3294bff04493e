using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Training.Batching;
using Harness.Training.Checkpoints;
using Harness.Training.Optimization;
using Microsoft.Extensions.Logging;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>
/// Trains an encoder with a loss and a negative sampler. Batches (sampling and text assembly) are built on a
/// background thread and handed over through a bounded channel, so the step does not wait on them; the step itself
/// (forward, loss, backward, clipping, Adam/AdamW with the lazy sparse update for embedding tables, schedule) runs
/// on the calling thread. A NaN or infinite loss stops training as <see cref="TrainingStatus.Diverged"/> before that
/// step is applied; cancellation throws <see cref="OperationCanceledException"/> after the last completed step (and
/// any checkpoint already written stays valid). On CPU, the same seed and options give bit-identical weights, and a
/// run resumed from a checkpoint gives the same weights as one that was never interrupted.
/// </summary>
public sealed class Trainer
{
    private readonly TrainingOptions _options;

    /// <summary>Creates a trainer.</summary>
    /// <param name="options">How to train (validated here).</param>
    /// <exception cref="TrainingSetupException">An option is out of range.</exception>
    public Trainer(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The options.</summary>
    public TrainingOptions Options => _options;

    /// <summary>Trains <see cref="TrainingSetup.Encoder"/> in place.</summary>
    /// <param name="setup">Encoder, loss, prepared sampler, data and context.</param>
    /// <param name="cancellationToken">Stops training after the current step (the context's token is honoured too).</param>
    /// <returns>The status, the training curve and the negatives record.</returns>
    /// <exception cref="TrainingSetupException">Bad input: no trainable query, or a checkpoint from another configuration.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public TrainingResult Train(TrainingSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, setup.Context.CancellationToken);
        var token = linked.Token;
        var options = _options;
        var builder = new TrainingBatchBuilder(options, setup.Dataset, setup.Split, setup.Sampler, setup.Context, canMask: false);
        var curve = new List<TrainingCurveRow>();
        var negatives = new List<NegativesRecord>();
        if (options.Epochs == 0)
        {
            return new TrainingResult { Status = TrainingStatus.Complete, Steps = 0, EpochsCompleted = 0, Curve = curve, Negatives = negatives };
        }

        if (builder.Examples.Count == 0)
        {
            throw new TrainingSetupException($"{setup.Dataset.Name}: no {setup.Split} query has a labelled positive (grade >= {options.PositiveGrade}) in the corpus; nothing to train on");
        }

        if (options.Threads > 0)
        {
            set_num_threads(options.Threads);
        }

        var encoder = setup.Encoder;
        var parameters = encoder.Module.named_parameters().Where(p => p.parameter.requires_grad).Select(p => ("encoder." + p.name, p.parameter)).ToList();
        using var optimizer = new AdamOptimizer(parameters, options.Optimizer, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay, options.SparseUpdates);
        var totalSteps = (long)builder.StepsPerEpoch * options.Epochs;
        var schedule = new LearningRateScheduler(options.LearningRate, totalSteps, LearningRateScheduler.Warmup(options, totalSteps), options.Schedule);
        var fingerprint = Fingerprint(setup, builder, parameters);

        // Resume from a checkpoint of the same configuration.
        long step = 0;
        int startEpoch = 0, startStepInEpoch = 0;
        double elapsedBefore = 0;
        long? resumedFrom = null;
        if (options.CheckpointDirectory is { } checkpointDirectory && CheckpointStore.ReadState(checkpointDirectory) is { } state)
        {
            if (state.Fingerprint != fingerprint)
            {
                throw new TrainingSetupException($"{CheckpointStore.PathIn(checkpointDirectory)}: checkpoint was written by another training configuration (encoder, loss, sampler, data, seed or options differ); remove it or use another directory");
            }

            CheckpointStore.LoadTensors(checkpointDirectory, encoder.Module, optimizer);
            step = state.Step;
            startEpoch = state.Epoch;
            startStepInEpoch = state.StepInEpoch;
            elapsedBefore = state.ElapsedSeconds;
            curve.AddRange(state.Curve);
            negatives.AddRange(state.Negatives.Select(n => n.ToRecord()));
            resumedFrom = step;
            setup.Context.Logger.LogInformation("resuming training at step {Step} (epoch {Epoch})", step, startEpoch);
        }

        var device = ParameterDevice(parameters) ?? setup.Context.Device;
        var dimension = encoder.Dimension;
        var clock = Stopwatch.StartNew();
        using var process = Process.GetCurrentProcess();
        var channel = Channel.CreateBounded<StepBatch>(new BoundedChannelOptions(options.PrefetchSteps) { SingleReader = true, SingleWriter = true });
        using var stopProducer = CancellationTokenSource.CreateLinkedTokenSource(token);
        var producer = Task.Run(() => Produce(builder, channel.Writer, startEpoch, startStepInEpoch, step, stopProducer.Token), CancellationToken.None);
        encoder.Module.train();
        var epochsCompleted = startEpoch;
        try
        {
            var reader = channel.Reader;
            while (true)
            {
                token.ThrowIfCancellationRequested();
                var stepStart = clock.Elapsed.TotalSeconds;
                if (!reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
                {
                    break;
                }

                reader.TryRead(out var batch);
                if (batch is null)
                {
                    continue;
                }

                if (batch.StepInEpoch == 0 && batch.Epoch > startEpoch)
                {
                    epochsCompleted = batch.Epoch;
                }

                var stepNumber = step + 1;
                var lr = schedule.At(step);
                negatives.AddRange(batch.Dropped);
                if (batch.MicroBatches.Count == 0)
                {
                    // Every row of the step had a shortfall the loss cannot mask: nothing to learn from.
                    step = stepNumber;
                    continue;
                }

                var lossValue = RunMicroBatches(setup, batch, device, dimension, stepNumber);
                if (!double.IsFinite(lossValue))
                {
                    encoder.Module.zero_grad();
                    var message = string.Create(CultureInfo.InvariantCulture, $"loss was {lossValue} at step {stepNumber} (epoch {batch.Epoch}); training stopped before applying it");
                    setup.Context.Logger.LogWarning("{Message}", message);
                    return new TrainingResult
                    {
                        Status = TrainingStatus.Diverged,
                        Steps = step,
                        EpochsCompleted = epochsCompleted,
                        DivergedAtStep = stepNumber,
                        Message = message,
                        ResumedFromStep = resumedFrom,
                        Curve = curve,
                        Negatives = negatives,
                    };
                }

                ApplyStep(optimizer, options, lr);
                encoder.Module.zero_grad();
                step = stepNumber;
                negatives.AddRange(batch.MicroBatches.SelectMany(b => b.Rows));
                var now = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var row = new TrainingCurveRow(step, batch.Epoch, lossValue, lr, batch.Rows / Math.Max(now - stepStart, 1e-9), elapsedBefore + now, process.PeakWorkingSet64);
                curve.Add(row);
                setup.OnStep?.Invoke(row);

                var endOfEpoch = batch.StepInEpoch + 1 == builder.StepsPerEpoch;
                if (endOfEpoch)
                {
                    epochsCompleted = batch.Epoch + 1;
                }

                if (options.CheckpointDirectory is { } dir && (options.CheckpointEverySteps > 0 ? step % options.CheckpointEverySteps == 0 : endOfEpoch))
                {
                    var next = endOfEpoch ? (batch.Epoch + 1, 0) : (batch.Epoch, batch.StepInEpoch + 1);
                    CheckpointStore.Save(
                        dir,
                        new CheckpointState
                        {
                            Fingerprint = fingerprint,
                            Step = step,
                            Epoch = next.Item1,
                            StepInEpoch = next.Item2,
                            ElapsedSeconds = elapsedBefore + clock.Elapsed.TotalSeconds,
                            Curve = curve,
                            Negatives = negatives.Select(NegativesRecordDto.From).ToList(),
                        },
                        encoder.Module,
                        optimizer);
                }
            }

            producer.GetAwaiter().GetResult();
            return new TrainingResult
            {
                Status = TrainingStatus.Complete,
                Steps = step,
                EpochsCompleted = options.Epochs,
                ResumedFromStep = resumedFrom,
                Curve = curve,
                Negatives = negatives,
            };
        }
        finally
        {
            stopProducer.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
            }
            catch (AggregateException)
            {
                // A producer failure was already rethrown to the caller through the channel.
            }
        }
    }

    private static void Produce(TrainingBatchBuilder builder, ChannelWriter<StepBatch> writer, int startEpoch, int startStepInEpoch, long startStep, CancellationToken token)
    {
        Exception? error = null;
        try
        {
            var step = startStep;
            for (var epoch = startEpoch; epoch < builder.EpochsToRun(); epoch++)
            {
                var order = builder.Order(epoch);
                for (var s = epoch == startEpoch ? startStepInEpoch : 0; s < builder.StepsPerEpoch; s++)
                {
                    token.ThrowIfCancellationRequested();
                    var batch = builder.Build(epoch, order, s, ++step);
                    writer.WriteAsync(batch, token).AsTask().GetAwaiter().GetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            writer.TryComplete(error);
        }
    }

    private double RunMicroBatches(TrainingSetup setup, StepBatch batch, Device device, int dimension, long stepNumber)
    {
        double total = 0;
        var rows = batch.Rows;
        for (var i = 0; i < batch.MicroBatches.Count; i++)
        {
            var mb = batch.MicroBatches[i];
            using var scope = NewDisposeScope();

            // Dropout and any other use of torch's default generator are replayed exactly on resume.
            manual_seed(PluginContext.DeriveSeed(setup.Context.Seed, string.Create(CultureInfo.InvariantCulture, $"training/torch/step={stepNumber}/micro={i}")));
            var b = mb.Count;
            var m = mb.CandidatesPerQuery;
            var q = setup.Encoder.Encode(mb.QueryTexts, TextRole.Query);
            var d = setup.Encoder.Encode(mb.DocumentTexts, TextRole.Document).view(b, m, dimension);
            var labels = tensor(mb.Labels, [b, m], ScalarType.Float32).to(device);
            var loss = setup.Loss.Compute(new LossBatch(q, d, labels));
            var value = loss.to(ScalarType.Float64).item<double>();
            var weight = (double)b / rows;
            total += value * weight;
            if (!double.IsFinite(value))
            {
                return value;
            }

            (loss * weight).backward();
        }

        return total;
    }

    private static void ApplyStep(AdamOptimizer optimizer, TrainingOptions options, double lr)
    {
        var grads = new Tensor?[optimizer.Parameters.Count];
        try
        {
            for (var i = 0; i < grads.Length; i++)
            {
                var g = optimizer.Parameters[i].Parameter.grad;
                grads[i] = g is null ? null : g.is_sparse ? SparseGradients.Coalesce(g) : g;
            }

            if (options.MaxGradientNorm is { } maxNorm)
            {
                GradientClipping.Clip(grads, maxNorm);
            }

            optimizer.Step(grads, lr);
        }
        finally
        {
            foreach (var g in grads)
            {
                if (g is not null && g.is_sparse)
                {
                    g.Dispose();
                }
            }
        }
    }

    private static Device? ParameterDevice(IReadOnlyList<(string Name, Parameter Parameter)> parameters) =>
        parameters.Count == 0 ? null : parameters[0].Parameter.device;

    private string Fingerprint(TrainingSetup setup, TrainingBatchBuilder builder, IReadOnlyList<(string Name, Parameter Parameter)> parameters)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed={setup.Context.Seed};options={_options.Canonical()};");
        text.Append(CultureInfo.InvariantCulture, $"encoder={setup.Encoder.GetType().FullName};loss={setup.Loss.GetType().FullName};sampler={setup.Sampler.GetType().FullName};");
        text.Append(CultureInfo.InvariantCulture, $"data={setup.Dataset.ContentHash};split={setup.Split};examples={builder.Examples.Count};");
        foreach (var (name, p) in parameters)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}[{string.Join('x', p.shape)}];");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
