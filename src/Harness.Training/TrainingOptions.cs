using System.Globalization;

namespace Harness.Training;

/// <summary>
/// How to train: epochs, batch shape, optimiser, schedule, clipping, accumulation, prefetching and checkpoints.
/// Option names in messages are the spec's keys (<c>train.lr</c>, ...), so a bad value is reported where it was set.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training queries (0 = no training).</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Training queries per micro-batch (B).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Sampled negatives per query (each row has 1 positive + this many candidates).</summary>
    public int Negatives { get; init; } = 4;

    /// <summary>Micro-batches per optimiser step: the effective batch is BatchSize × this. Each micro-batch's loss is
    /// weighted by its share of the step's rows, so for a loss that is a mean over rows (and does not use in-batch
    /// negatives) k micro-batches of B/k rows give the same gradient as one batch of B.</summary>
    public int GradientAccumulationSteps { get; init; } = 1;

    /// <summary>Adam or AdamW.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Weight decay (decoupled for AdamW, L2 for Adam).</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Adam's β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's β2.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's ε.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Use the lazy row-wise update for parameters whose gradient is sparse (embedding tables); false turns
    /// sparse gradients dense and applies the dense update to every row (slow for large tables; for comparison).</summary>
    public bool SparseUpdates { get; init; } = true;

    /// <summary>Warm-up length as a fraction of all optimiser steps (used when <see cref="WarmupSteps"/> is null).</summary>
    public double WarmupFraction { get; init; } = 0.1;

    /// <summary>Warm-up length in optimiser steps; overrides <see cref="WarmupFraction"/>.</summary>
    public int? WarmupSteps { get; init; }

    /// <summary>What the learning rate does after warm-up.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.WarmupLinear;

    /// <summary>Clip the global gradient L2 norm to this value; null = no clipping.</summary>
    public double? MaxGradientNorm { get; init; } = 1.0;

    /// <summary>Optimiser steps' worth of batches built ahead on a background thread (bounded channel).</summary>
    public int PrefetchSteps { get; init; } = 4;

    /// <summary>Where checkpoints go; null = none. A checkpoint found there is resumed from when it was written by
    /// the same configuration, and refused with a clear error when it was not.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Write a checkpoint every this many optimiser steps (0 = only at the end of each epoch).</summary>
    public int CheckpointEverySteps { get; init; }

    /// <summary>Torch threads for the training step (0 = leave TorchSharp's setting alone).</summary>
    public int Threads { get; init; }

    /// <summary>Throws a <see cref="TrainingSetupException"/> naming the first option out of range.</summary>
    /// <exception cref="TrainingSetupException">An option is out of range.</exception>
    public void Validate()
    {
        static void Need(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                throw new TrainingSetupException(string.Create(CultureInfo.InvariantCulture, $"train.{key} = {value}: must be {rule}"));
            }
        }

        Need(Epochs >= 0, "epochs", Epochs, ">= 0");
        Need(BatchSize >= 1, "batch_size", BatchSize, ">= 1");
        Need(Negatives >= 0, "negatives", Negatives, ">= 0");
        Need(GradientAccumulationSteps >= 1, "gradient_accumulation", GradientAccumulationSteps, ">= 1");
        Need(LearningRate > 0 && double.IsFinite(LearningRate), "lr", LearningRate, "a finite number > 0");
        Need(WeightDecay >= 0 && double.IsFinite(WeightDecay), "weight_decay", WeightDecay, ">= 0");
        Need(Beta1 >= 0 && Beta1 < 1, "beta1", Beta1, "in [0, 1)");
        Need(Beta2 >= 0 && Beta2 < 1, "beta2", Beta2, "in [0, 1)");
        Need(Epsilon > 0, "epsilon", Epsilon, "> 0");
        Need(WarmupFraction >= 0 && WarmupFraction <= 1, "warmup", WarmupFraction, "in [0, 1]");
        Need(WarmupSteps is null or >= 0, "warmup_steps", WarmupSteps ?? 0, ">= 0");
        Need(MaxGradientNorm is null || MaxGradientNorm > 0, "max_grad_norm", MaxGradientNorm ?? 0, "> 0 (or absent)");
        Need(PrefetchSteps >= 1, "prefetch", PrefetchSteps, ">= 1");
        Need(CheckpointEverySteps >= 0, "checkpoint_every", CheckpointEverySteps, ">= 0");
        Need(Threads >= 0, "threads", Threads, ">= 0");
    }

    /// <summary>The options that change what training computes, as a canonical string (checkpoint fingerprint).
    /// Prefetch depth, thread count and the checkpoint settings are left out: they do not change the result.</summary>
    /// <returns>key=value pairs, comma-separated.</returns>
    public string Canonical() => string.Create(
        CultureInfo.InvariantCulture,
        $"epochs={Epochs},batch={BatchSize},negatives={Negatives},accumulation={GradientAccumulationSteps},optimizer={Optimizer},lr={LearningRate:R},wd={WeightDecay:R},betas={Beta1:R}/{Beta2:R},eps={Epsilon:R},sparse={SparseUpdates},warmup={WarmupFraction:R}/{WarmupSteps},schedule={Schedule},clip={MaxGradientNorm:R}");
}
