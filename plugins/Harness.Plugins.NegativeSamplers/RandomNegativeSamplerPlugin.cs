using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>The <c>random</c> plugin: <see cref="RandomNegativeSampler"/>.</summary>
public sealed class RandomNegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "random",
        PluginKind.NegativeSampler,
        "2.0.0",
        "Uniform random negatives from the corpus, excluding the query's labelled positives (grade ≥ the cell's positive grade).",
        []);

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context) => new RandomNegativeSampler();
}
