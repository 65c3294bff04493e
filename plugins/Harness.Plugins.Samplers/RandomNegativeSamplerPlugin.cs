using Harness.Abstractions.Plugins;
using Harness.Abstractions.Sampling;

namespace Harness.Plugins.Samplers;

/// <summary>The <c>random</c> plugin: <see cref="RandomNegativeSampler"/>.</summary>
public sealed class RandomNegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "random",
        PluginKind.NegativeSampler,
        "1.0.0",
        "Uniform random negatives from the corpus, excluding the query's labelled positives.",
        [ParameterSpec.Int("min-positive-grade", 1, "Lowest qrels grade that counts as a labelled positive (never returned).", min: 1)]);

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new RandomNegativeSampler(parameters.GetInt("min-positive-grade"));
    }
}
