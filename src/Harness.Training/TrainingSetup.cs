using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Services;

namespace Harness.Training;

/// <summary>
/// What to train and with what. The caller creates every plugin on <see cref="Context"/>'s device and prepares the
/// sampler with the same training view and the services it declared; the trainer sees the training view only (no
/// hidden positives, no dev/test judgments).
/// </summary>
/// <param name="Encoder">The encoder to train (in place).</param>
/// <param name="Loss">The loss (its <see cref="ILoss.Module"/>, if any, is trained and checkpointed too).</param>
/// <param name="Sampler">A prepared negative sampler.</param>
/// <param name="Training">The training view: its queries and labelled positives (grade ≥ PositiveGrade) are the rows.</param>
/// <param name="Context">Seed, device, precision, cancellation, logger and metrics sink of the cell.</param>
public sealed record TrainingSetup(
    IEncoder Encoder,
    ILoss Loss,
    INegativeSampler Sampler,
    ITrainingData Training,
    IPluginContext Context)
{
    /// <summary>What the loss declared (<c>ILossPlugin.GetCapabilities</c>): the trainer sets only these batch fields.
    /// Without Mask, rows with a sampler shortfall are left out (recorded with Used = false).</summary>
    public LossCapabilities LossCapabilities { get; init; } = LossCapabilities.None;

    /// <summary>What the sampler declared (<c>INegativeSamplerPlugin.GetRequirements</c>): in-batch only, warm-up
    /// epochs, dense-index refresh policy.</summary>
    public SamplerRequirements SamplerRequirements { get; init; } = SamplerRequirements.None;

    /// <summary>What the encoder declared (<c>IEncoderPlugin.GetTraits</c>): the precisions it supports.</summary>
    public EncoderTraits EncoderTraits { get; init; } = EncoderTraits.Default;

    /// <summary>The dense miner handed to the sampler (required when it declared <see cref="SamplerNeeds.DenseMiner"/>):
    /// the trainer rebuilds its index per the sampler's refresh policy, and samples such a sampler on the training
    /// thread between steps (no prefetch), since it mines with the current model.</summary>
    public IDenseMiner? DenseMiner { get; init; }

    /// <summary>Called on the training thread with the number of optimiser steps applied (at the start, including a
    /// resumed step, and after every step): the host's dense miner reports it as its ModelVersion.</summary>
    public Action<long>? ModelVersionChanged { get; init; }

    /// <summary>Called on the training thread after every optimiser step (live display). Every row also goes to the
    /// context's metrics sink as train/loss, train/learning_rate, train/examples_per_second and
    /// train/peak_memory_bytes.</summary>
    public Action<TrainingCurveRow>? OnStep { get; init; }

    /// <summary>Called on the training thread when training resumes from a checkpoint, with the steps it had applied.</summary>
    public Action<long>? OnResumed { get; init; }

    /// <summary>Called on the training thread after a checkpoint is in place, with the steps it holds.</summary>
    public Action<long>? OnCheckpoint { get; init; }
}
