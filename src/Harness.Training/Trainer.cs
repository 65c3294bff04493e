using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Training.Batching;
using Harness.Training.Checkpoints;
using Harness.Training.Optimization;
using Microsoft.Extensions.Logging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>
/// Trains an encoder with a loss and a negative sampler. Batches (sampling, text assembly, in-batch exclusions and,
/// for an <see cref="ITokenizingEncoder"/>, tokenization) are built on a background thread and handed over through a
/// bounded channel, so the step does not wait on them; a sampler that mines with the current model
/// (<see cref="SamplerNeeds.DenseMiner"/>) is sampled on the training thread between steps instead. The step itself
/// (forward, loss, backward, clipping, Adam/AdamW with the lazy sparse update for embedding tables, schedule) runs on
/// the calling thread. A NaN or infinite loss stops training as <see cref="TrainingStatus.Diverged"/> before that step
/// is applied; cancellation throws <see cref="OperationCanceledException"/> after the current step (a checkpoint
/// already written stays valid). On CPU the same seed and options give bit-identical weights, and a run resumed from
/// a checkpoint gives the same weights as one never interrupted, for samplers whose output depends only on the seed,
/// the epoch, the query and (for a miner that is an <see cref="ICheckpointableDenseMiner"/>, as the host's is) the dense
/// index, which travels in the checkpoint. A sampler that keeps its own state across batches (dense-static's per-query
/// pools) re-mines on resume with the restored index.
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

    /// <summary>Trains <see cref="TrainingSetup.Encoder"/> (and a trainable loss module) in place.</summary>
    /// <param name="setup">Encoder, loss, prepared sampler, training view, context and declarations.</param>
    /// <param name="cancellationToken">Stops training after the current step (the context's token is honoured too).</param>
    /// <returns>The status, the training curve and the negatives record.</returns>
    /// <exception cref="TrainingSetupException">Bad input: no trainable query, an unsupported precision or loss input,
    /// a missing dense miner, or a checkpoint from another configuration.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public TrainingResult Train(TrainingSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, setup.Context.CancellationToken);
        var token = linked.Token;
        var options = _options;
        var curve = new List<TrainingCurveRow>();
        var negatives = new List<NegativesRecord>();
        if (options.Epochs == 0)
        {
            return new TrainingResult { Status = TrainingStatus.Complete, Steps = 0, EpochsCompleted = 0, Curve = curve, Negatives = negatives };
        }

        CheckSetup(setup);
        var builder = new TrainingBatchBuilder(options, setup.Training, setup.Sampler, setup.Context, setup.LossCapabilities, setup.SamplerRequirements, setup.Encoder as ITokenizingEncoder);
        if (builder.Examples.Count == 0)
        {
            throw new TrainingSetupException($"{setup.Training.Name}: no training query has a labelled positive (grade >= {setup.Training.PositiveGrade}) in the corpus; nothing to train on");
        }

        if (options.Threads > 0)
        {
            set_num_threads(options.Threads);
        }

        var encoder = setup.Encoder;
        var lossModule = setup.Loss.Module;
        var modules = new List<(string File, nn.Module Module)> { ("encoder.dat", encoder.Module) };
        var parameters = encoder.Module.named_parameters().Where(p => p.parameter.requires_grad).Select(p => ("encoder." + p.name, p.parameter)).ToList();
        if (lossModule is not null)
        {
            modules.Add(("loss.dat", lossModule));
            parameters.AddRange(lossModule.named_parameters().Where(p => p.parameter.requires_grad).Select(p => ("loss." + p.name, p.parameter)));
        }

        using var optimizer = new AdamOptimizer(parameters, options.Optimizer, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay, options.SparseUpdates);
        var totalSteps = (long)builder.StepsPerEpoch * options.Epochs;
        var schedule = new LearningRateScheduler(options.LearningRate, totalSteps, LearningRateScheduler.Warmup(options, totalSteps), options.Schedule);
        var fingerprint = Fingerprint(setup, builder, parameters);

        // A dense miner's index goes into checkpoints (when the host's miner supports it), so a resumed run mines what
        // the uninterrupted run mined.
        var checkpointMiner = setup.SamplerRequirements.Has(SamplerNeeds.DenseMiner) ? setup.DenseMiner as ICheckpointableDenseMiner : null;

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

            CheckpointStore.LoadTensors(checkpointDirectory, modules, optimizer, state, checkpointMiner);
            step = state.Step;
            startEpoch = state.Epoch;
            startStepInEpoch = state.StepInEpoch;
            elapsedBefore = state.ElapsedSeconds;
            curve.AddRange(state.Curve);
            negatives.AddRange(state.Negatives.Select(n => n.ToRecord()));
            resumedFrom = step;
            setup.Context.Logger.LogInformation("resuming training at step {Step} (epoch {Epoch})", step, startEpoch);
            setup.OnResumed?.Invoke(step);
        }

        setup.ModelVersionChanged?.Invoke(step);
        var device = parameters.Count > 0 ? parameters[0].Item2.device : setup.Context.Device;
        var clock = Stopwatch.StartNew();
        using var process = Process.GetCurrentProcess();
        encoder.Module.train();
        lossModule?.train();
        var synchronous = setup.SamplerRequirements.Has(SamplerNeeds.DenseMiner);
        using var batches = new BatchSource(Batches(setup, builder, startEpoch, startStepInEpoch, step, token), synchronous, options.PrefetchSteps, token);
        var epochsCompleted = startEpoch;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var stepStart = clock.Elapsed.TotalSeconds;
            using var batch = batches.Next();
            if (batch is null)
            {
                break;
            }

            var stepNumber = step + 1;
            var lr = schedule.At(step);
            negatives.AddRange(batch.Dropped);
            var endOfEpoch = batch.StepInEpoch + 1 == builder.StepsPerEpoch;
            if (batch.MicroBatches.Count > 0)
            {
                var lossValue = RunMicroBatches(setup, batch, device, stepNumber);
                if (!double.IsFinite(lossValue))
                {
                    ZeroGrad(encoder.Module, lossModule);
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
                ZeroGrad(encoder.Module, lossModule);
                negatives.AddRange(batch.MicroBatches.SelectMany(b => b.Rows));
                var now = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var row = new TrainingCurveRow(stepNumber, batch.Epoch, lossValue, lr, batch.Rows / Math.Max(now - stepStart, 1e-9), elapsedBefore + now, process.PeakWorkingSet64);
                curve.Add(row);
                Report(setup, row);
            }

            // A step whose every row had a shortfall the loss cannot mask applies nothing, but still counts, so the
            // schedule and the step numbers do not depend on the sampler's luck.
            step = stepNumber;
            setup.ModelVersionChanged?.Invoke(step);
            if (endOfEpoch)
            {
                epochsCompleted = batch.Epoch + 1;
            }

            if (options.CheckpointDirectory is { } dir && (options.CheckpointEverySteps > 0 ? step % options.CheckpointEverySteps == 0 : endOfEpoch))
            {
                CheckpointStore.Save(
                    dir,
                    new CheckpointState
                    {
                        Fingerprint = fingerprint,
                        Step = step,
                        Epoch = endOfEpoch ? batch.Epoch + 1 : batch.Epoch,
                        StepInEpoch = endOfEpoch ? 0 : batch.StepInEpoch + 1,
                        ElapsedSeconds = elapsedBefore + clock.Elapsed.TotalSeconds,
                        Curve = curve,
                        Negatives = negatives.Select(NegativesRecordDto.From).ToList(),
                    },
                    modules,
                    optimizer,
                    checkpointMiner);
                setup.OnCheckpoint?.Invoke(step);
            }
        }

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

    private void CheckSetup(TrainingSetup setup)
    {
        var caps = setup.LossCapabilities;
        var loss = setup.Loss.GetType().Name;
        if (caps.Has(LossFeatures.TeacherScores) || caps.Has(LossFeatures.Features))
        {
            throw new TrainingSetupException($"loss {loss} needs {(caps.Has(LossFeatures.TeacherScores) ? "teacher scores" : "candidate features")}, which this trainer does not provide yet");
        }

        var requirements = setup.SamplerRequirements;
        if (requirements.Has(SamplerNeeds.DenseMiner) && setup.DenseMiner is null)
        {
            throw new TrainingSetupException($"sampler {setup.Sampler.GetType().Name} needs a dense miner, and none was given to the trainer");
        }

        if (requirements.Refresh is RefreshPolicy.EveryEpochs or RefreshPolicy.EverySteps && requirements.RefreshInterval < 1)
        {
            throw new TrainingSetupException($"sampler {setup.Sampler.GetType().Name}: refresh {requirements.Refresh} needs an interval >= 1, got {requirements.RefreshInterval}");
        }

        if (requirements.Has(SamplerNeeds.InBatchOnly) && !caps.Has(LossFeatures.InBatchNegatives))
        {
            throw new TrainingSetupException($"sampler {setup.Sampler.GetType().Name} adds no negatives, and loss {loss} does not use in-batch negatives: every row would have its positive only");
        }

        // TorchSharp 0.107 has no autocast: an encoder that supports a lower precision casts inside Encode, and the
        // optimiser keeps float32 weights. bfloat16 needs no loss scaling; float16 would (a GradScaler), which this
        // trainer does not implement, so it is refused rather than silently underflowing. Not testable on a CPU-only
        // machine: it is kept to these checks.
        var precision = setup.Context.Precision;
        if (precision != TrainingPrecision.Float32)
        {
            var name = precision.ToString().ToLowerInvariant();
            if (setup.Context.Device.type != TorchSharp.DeviceType.CUDA)
            {
                throw new TrainingSetupException($"precision {name} is for CUDA; the device is {setup.Context.Device}");
            }

            if (precision == TrainingPrecision.Float16)
            {
                throw new TrainingSetupException("precision float16 needs loss scaling, which the trainer does not do; use bfloat16");
            }

            if (!setup.EncoderTraits.Precisions.Contains(precision))
            {
                throw new TrainingSetupException($"encoder {setup.Encoder.GetType().Name} does not support precision {name} (it supports {string.Join(", ", setup.EncoderTraits.Precisions).ToLowerInvariant()})");
            }
        }
    }

    /// <summary>The steps' batches in order, from the resume point; runs the sampler lifecycle (dense-index refresh,
    /// BeginEpoch) at the right places. Lazily evaluated: on the producer thread, or on the training thread for
    /// samplers that mine with the current model (then the refresh after step s happens after step s was applied).</summary>
    private IEnumerable<StepBatch> Batches(TrainingSetup setup, TrainingBatchBuilder builder, int startEpoch, int startStepInEpoch, long startStep, CancellationToken token)
    {
        var requirements = setup.SamplerRequirements;
        var miner = requirements.Has(SamplerNeeds.DenseMiner) ? setup.DenseMiner : null;
        var step = startStep;
        var resuming = startStepInEpoch > 0;

        // The interrupted run refreshed an every-N-steps index right after the checkpoint's step (before building the
        // next batch), with the model as restored now: do that refresh here.
        var epochOfLastStep = resuming ? startEpoch : startEpoch - 1;
        if (miner is not null && startStep > 0 && requirements.Refresh == RefreshPolicy.EverySteps && epochOfLastStep >= requirements.WarmupEpochs && startStep % requirements.RefreshInterval == 0)
        {
            miner.RebuildIndex(token);
        }

        for (var epoch = startEpoch; epoch < _options.Epochs; epoch++)
        {
            token.ThrowIfCancellationRequested();
            if (miner is not null && epoch >= requirements.WarmupEpochs)
            {
                var sinceWarmup = epoch - requirements.WarmupEpochs;
                var rebuild = requirements.Refresh switch
                {
                    RefreshPolicy.Once or RefreshPolicy.EverySteps => sinceWarmup == 0,
                    RefreshPolicy.EveryEpochs => sinceWarmup % requirements.RefreshInterval == 0,
                    _ => false,
                };

                // Resuming mid-epoch, the epoch-start rebuild already happened in the interrupted run, and its index came
                // back with the checkpoint. A resumed process without a restored index (a miner that cannot be
                // checkpointed) builds one from the restored model: close to, but not exactly, what it had.
                var noIndex = epoch == startEpoch && startStep > 0 && miner.IndexVersion < 0 && requirements.Refresh != RefreshPolicy.None;
                if ((rebuild && !resuming) || noIndex)
                {
                    miner.RebuildIndex(token);
                }
            }

            var epochStart = resuming ? step - startStepInEpoch : step;
            setup.Sampler.BeginEpoch(new SamplerEpoch(epoch, epochStart, epochStart));
            var order = builder.Order(epoch);
            for (var s = resuming ? startStepInEpoch : 0; s < builder.StepsPerEpoch; s++)
            {
                token.ThrowIfCancellationRequested();
                yield return builder.Build(epoch, order, s, ++step);
                if (miner is not null && requirements.Refresh == RefreshPolicy.EverySteps && epoch >= requirements.WarmupEpochs && step % requirements.RefreshInterval == 0)
                {
                    miner.RebuildIndex(token);
                }
            }

            resuming = false;
        }
    }

    private double RunMicroBatches(TrainingSetup setup, StepBatch batch, Device device, long stepNumber)
    {
        double total = 0;
        var rows = batch.Rows;
        var caps = setup.LossCapabilities;
        var dimension = setup.Encoder.Dimension;
        for (var i = 0; i < batch.MicroBatches.Count; i++)
        {
            var mb = batch.MicroBatches[i];
            using var scope = NewDisposeScope();

            // Dropout and any other use of torch's default generator are replayed exactly on resume.
            var stream = string.Create(CultureInfo.InvariantCulture, $"training/torch/step={stepNumber}/micro={i}");
            manual_seed(PluginContext.DeriveSeed(setup.Context.Seed, stream));
            var b = mb.Count;
            var m = mb.CandidatesPerQuery;
            var tokenizing = setup.Encoder as ITokenizingEncoder;
            var q = tokenizing is not null && mb.QueryInput is not null ? tokenizing.Forward(mb.QueryInput) : setup.Encoder.Encode(mb.QueryTexts, TextRole.Query);
            var d = (tokenizing is not null && mb.DocumentInput is not null ? tokenizing.Forward(mb.DocumentInput) : setup.Encoder.Encode(mb.DocumentTexts, TextRole.Document)).view(b, m, dimension);
            var lossBatch = new LossBatch(q, d, tensor(mb.Labels, [b, m], ScalarType.Float32).to(device))
            {
                Mask = caps.Has(LossFeatures.Mask) ? tensor(mb.Mask, [b, m], ScalarType.Bool).to(device) : null,
                InBatchExcluded = mb.InBatchExcluded?.to(device),
                Weights = mb.Weights?.to(device),
                Generator = caps.Has(LossFeatures.Generator) ? setup.Context.CreateGenerator("training/loss/" + stream) : null,
            };
            var loss = setup.Loss.Compute(lossBatch);
            var value = loss.to(ScalarType.Float64).item<double>();
            var weight = (double)b / rows;
            total += value * weight;
            if (!double.IsFinite(value))
            {
                return value;
            }

            using var weightScalar = weight.ToScalar();
            using var weighted = loss.mul(weightScalar);
            weighted.backward();
        }

        return total;
    }

    private static void Report(TrainingSetup setup, TrainingCurveRow row)
    {
        var sink = setup.Context.Metrics;
        sink.Record(new MetricPoint("train/loss", row.Loss, row.Step, row.Epoch));
        sink.Record(new MetricPoint("train/learning_rate", row.LearningRate, row.Step, row.Epoch));
        sink.Record(new MetricPoint("train/examples_per_second", row.ExamplesPerSecond, row.Step, row.Epoch));
        sink.Record(new MetricPoint("train/peak_memory_bytes", row.PeakMemoryBytes, row.Step, row.Epoch));
        setup.OnStep?.Invoke(row);
    }

    private static void ZeroGrad(nn.Module encoder, nn.Module? loss)
    {
        encoder.zero_grad();
        loss?.zero_grad();
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

    private string Fingerprint(TrainingSetup setup, TrainingBatchBuilder builder, IReadOnlyList<(string Name, Parameter Parameter)> parameters)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed={setup.Context.Seed};options={_options.Canonical()};");
        text.Append(CultureInfo.InvariantCulture, $"encoder={setup.Encoder.GetType().FullName};loss={setup.Loss.GetType().FullName};sampler={setup.Sampler.GetType().FullName};");
        text.Append(CultureInfo.InvariantCulture, $"loss_features={setup.LossCapabilities.Features};sampler_needs={setup.SamplerRequirements};");
        text.Append(CultureInfo.InvariantCulture, $"data={setup.Training.ContentHash};examples={builder.Examples.Count};");
        foreach (var (name, p) in parameters)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}[{string.Join('x', p.shape)}];");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Hands out the steps' batches: straight from the generator on the calling thread (synchronous), or
    /// built ahead by a background task into a bounded channel. Disposing stops the producer and frees any batch
    /// built but not taken.</summary>
    private sealed class BatchSource : IDisposable
    {
        private readonly IEnumerator<StepBatch>? _inline;
        private readonly Channel<StepBatch>? _channel;
        private readonly Task? _producer;
        private readonly CancellationTokenSource? _stop;
        private readonly CancellationToken _token;

        public BatchSource(IEnumerable<StepBatch> batches, bool synchronous, int capacity, CancellationToken token)
        {
            _token = token;
            if (synchronous)
            {
                _inline = batches.GetEnumerator();
                return;
            }

            _channel = Channel.CreateBounded<StepBatch>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
            _stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            var writer = _channel.Writer;
            var stop = _stop.Token;
            _producer = Task.Run(
                () =>
                {
                    Exception? error = null;
                    try
                    {
                        foreach (var batch in batches)
                        {
                            if (!writer.TryWrite(batch))
                            {
                                try
                                {
                                    writer.WriteAsync(batch, stop).AsTask().GetAwaiter().GetResult();
                                }
                                catch
                                {
                                    batch.Dispose();
                                    throw;
                                }
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
                },
                CancellationToken.None);
        }

        public StepBatch? Next()
        {
            if (_inline is not null)
            {
                return _inline.MoveNext() ? _inline.Current : null;
            }

            var reader = _channel!.Reader;
            while (reader.WaitToReadAsync(_token).AsTask().GetAwaiter().GetResult())
            {
                if (reader.TryRead(out var batch))
                {
                    return batch;
                }
            }

            // Completed: rethrow a producer failure (WaitToReadAsync throws it), or end of training.
            _token.ThrowIfCancellationRequested();
            return null;
        }

        public void Dispose()
        {
            _inline?.Dispose();
            if (_producer is null)
            {
                return;
            }

            _stop!.Cancel();
            try
            {
                _producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Cancelled or failed: a failure already reached the reader through the channel.
            }

            while (_channel!.Reader.TryRead(out var left))
            {
                left.Dispose();
            }

            _stop.Dispose();
        }
    }
}
