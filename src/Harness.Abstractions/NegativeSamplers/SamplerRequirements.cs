namespace Harness.Abstractions.NegativeSamplers;

/// <summary>
/// What a sampler configuration declares before anything trains (<see cref="Plugins.INegativeSamplerPlugin.GetRequirements"/>):
/// services, refresh policy, warm-up. The host fills only the declared services and refuses a cell whose declared
/// services it cannot provide.
/// </summary>
public sealed record SamplerRequirements
{
    /// <summary>No services, no refresh.</summary>
    public static SamplerRequirements None { get; } = new();

    /// <summary>The services needed.</summary>
    public SamplerNeeds Needs { get; init; }

    /// <summary>When the dense index is rebuilt.</summary>
    public RefreshPolicy Refresh { get; init; }

    /// <summary>Epochs or steps between rebuilds, per <see cref="Refresh"/> (≥ 1 when used).</summary>
    public int RefreshInterval { get; init; }

    /// <summary>Epochs trained before the first mining (dense-static, ANCE warm-up); the host samples nothing before.</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>Whether every flag of <paramref name="needs"/> is declared.</summary>
    /// <param name="needs">The flags.</param>
    /// <returns>True when all are set.</returns>
    public bool Has(SamplerNeeds needs) => (Needs & needs) == needs;
}
