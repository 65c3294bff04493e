namespace Harness.Abstractions.NegativeSamplers;

/// <summary>The host services a sampler configuration needs (<see cref="SamplerRequirements.Needs"/>).</summary>
[Flags]
public enum SamplerNeeds
{
    /// <summary>No services.</summary>
    None = 0,

    /// <summary><see cref="SamplerServices.DenseMiner"/> is set.</summary>
    DenseMiner = 1,

    /// <summary><see cref="SamplerServices.Lexical"/> (BM25) is set.</summary>
    Lexical = 2,

    /// <summary><see cref="SamplerServices.Teacher"/> is set (trained by the host before Prepare when trainable).</summary>
    Teacher = 4,

    /// <summary>Adds no negatives: the host never calls SampleBatch; the loss must use in-batch negatives.</summary>
    InBatchOnly = 8,
}
