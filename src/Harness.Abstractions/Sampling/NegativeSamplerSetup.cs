using Harness.Abstractions.Data;
using Harness.Abstractions.Encoders;

namespace Harness.Abstractions.Sampling;

/// <summary>What a negative sampler is prepared with before training.</summary>
/// <param name="Dataset">The dataset; negatives are document ids of its corpus.</param>
/// <param name="Split">The split whose judgments define the labelled positives (normally <see cref="Split.Train"/>).</param>
/// <param name="Encoder">The encoder being trained, for dense mining; null for samplers that do not need it.</param>
public sealed record NegativeSamplerSetup(IDataset Dataset, Split Split, IEncoder? Encoder = null);
