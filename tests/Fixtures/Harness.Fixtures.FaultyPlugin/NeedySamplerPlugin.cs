using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Fixtures.FaultyPlugin;

/// <summary>
/// Test fixture: a negative sampler that declares the host services of its <c>needs</c> parameter (a teacher or the
/// dense miner, with <c>warmup</c> epochs), so that <c>harness plan</c>'s requirement checks can be tested. It samples
/// no documents (an empty sample with a shortfall note): only its declarations matter.
/// </summary>
public sealed class NeedySamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "needy",
        PluginKind.NegativeSampler,
        "1.0.0",
        "Test fixture: a sampler that declares it needs a teacher or the dense miner.",
        [
            ParameterSpec.Choice("needs", "dense", "The host service it declares.", "dense", "teacher"),
            ParameterSpec.Int("warmup", 0, "Warm-up epochs it declares.", min: 0, max: 100),
        ]);

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context) => new NeedySampler();

    /// <inheritdoc />
    public SamplerRequirements GetRequirements(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new SamplerRequirements
        {
            Needs = parameters.GetString("needs") == "teacher" ? SamplerNeeds.Teacher : SamplerNeeds.DenseMiner,
            WarmupEpochs = parameters.GetInt("warmup"),
        };
    }

    private sealed class NeedySampler : INegativeSampler
    {
        public void Prepare(NegativeSamplerSetup setup)
        {
        }

        public NegativeSample Sample(Query query, int count, Random random) => new([], "fixture: the needy sampler samples nothing");
    }
}
