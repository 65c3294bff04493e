namespace Harness.Abstractions.NegativeSamplers;

/// <summary>The start of a training epoch, as the host tells a sampler (<see cref="INegativeSampler.BeginEpoch"/>).</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="GlobalStep">Optimizer steps taken before this epoch.</param>
/// <param name="ModelVersion">The encoder's model version (= <see cref="Services.IDenseMiner.ModelVersion"/>).</param>
public sealed record SamplerEpoch(int Epoch, long GlobalStep, long ModelVersion);
