using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// The <c>fn-filter</c> plugin: static dense hard negatives with NV-Retriever's positive-aware filter
/// (<see cref="PositiveFilter"/>): TopK-PercPos (drop candidates scoring above 95 % of the positive's) or TopK-MarginPos.
/// </summary>
public sealed class FalseNegativeFilterSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "fn-filter",
        PluginKind.NegativeSampler,
        "1.0.0",
        "Dense hard negatives with a positive-aware false-negative filter (TopK-PercPos / TopK-MarginPos); dropped candidates are reported.",
        [
            ParameterSpec.Choice("mode", "perc-pos", "perc-pos: drop candidates scoring above percentage × the positive's score; margin-pos: above the positive's score − margin.", "perc-pos", "margin-pos"),
            ParameterSpec.Float("percentage", 0.95, "TopK-PercPos share of the positive's score (95 % in the paper).", min: 0, max: 10),
            ParameterSpec.Float("margin", 0.05, "TopK-MarginPos margin (0.05 in the paper).", min: 0),
            ParameterSpec.Int("depth", 200, "Candidates mined per query.", min: 1, max: 100_000),
            ParameterSpec.Choice("strategy", "hardest", "Take the hardest kept candidates (the paper's top-k) or draw uniformly.", "hardest", "uniform"),
            ParameterSpec.Int("skip-top", 0, "Unlabelled candidates dropped from the top as well.", min: 0),
            ParameterSpec.Int("warmup-epochs", 0, "Epochs trained before the first mining.", min: 0),
            ParameterSpec.Int("refresh-epochs", 0, "Re-mine every N epochs after the warm-up; 0 mines once.", min: 0),
        ])
    {
        Citation = """
            @article{moreira2024nvretriever,
              title = {{NV-Retriever}: Improving text embedding models with effective hard-negative mining},
              author = {Moreira, Gabriel de Souza P. and Osmulski, Radek and Xu, Mengyao and Ak, Ronay and Schifferer, Benedikt and Oldridge, Even},
              journal = {arXiv preprint arXiv:2407.15831},
              year = {2024}
            }
            """,
    };

    /// <inheritdoc />
    public SamplerRequirements GetRequirements(PluginParameters parameters) => new DenseStaticNegativeSamplerPlugin().GetRequirements(parameters);

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var margin = parameters.GetString("mode") == "margin-pos";
        var filter = new PositiveFilter(margin, margin ? parameters.GetDouble("margin") : parameters.GetDouble("percentage"));
        return DenseStaticNegativeSamplerPlugin.Build(parameters, filter, "fn-filter");
    }
}
