using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.NegativeSamplers;

/// <summary>What a negative sampler is prepared with: the training-only view and the declared services.</summary>
/// <param name="Training">The training view: corpus, train queries and judgments, the positive grade; no hidden positives.</param>
/// <param name="Services">The services the sampler declared (others null).</param>
public sealed record NegativeSamplerSetup(ITrainingData Training, SamplerServices Services);
