namespace Harness.Abstractions.NegativeSamplers;

/// <summary>When a dynamic sampler's dense index must be rebuilt (the host calls <see cref="Services.IDenseMiner.RebuildIndex"/>).</summary>
public enum RefreshPolicy
{
    /// <summary>Never (static samplers).</summary>
    None,

    /// <summary>Once, after the warm-up epochs.</summary>
    Once,

    /// <summary>Every <see cref="SamplerRequirements.RefreshInterval"/> epochs.</summary>
    EveryEpochs,

    /// <summary>Every <see cref="SamplerRequirements.RefreshInterval"/> optimizer steps.</summary>
    EverySteps,
}
