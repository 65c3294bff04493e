using Harness.Abstractions.Data;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Sampling;

namespace Harness.Training;

/// <summary>
/// What to train and with what. The caller creates every plugin on <see cref="Context"/>'s device and prepares the
/// sampler (with the training-visible data only); the trainer never sees hidden positives.
/// </summary>
/// <param name="Encoder">The encoder to train (in place).</param>
/// <param name="Loss">The loss.</param>
/// <param name="Sampler">A prepared negative sampler.</param>
/// <param name="Dataset">The training-visible data: its <paramref name="Split"/> queries and judgments are trained on.</param>
/// <param name="Split">The split to train on (normally <see cref="Split.Train"/>).</param>
/// <param name="Context">Seed, device, cancellation and logger of the cell.</param>
public sealed record TrainingSetup(
    IEncoder Encoder,
    ILoss Loss,
    INegativeSampler Sampler,
    IDataset Dataset,
    Split Split,
    IPluginContext Context)
{
    /// <summary>Called on the training thread after every optimiser step (live display, metrics sinks).</summary>
    public Action<TrainingCurveRow>? OnStep { get; init; }
}
