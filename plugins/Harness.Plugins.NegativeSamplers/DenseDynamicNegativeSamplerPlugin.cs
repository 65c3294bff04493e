using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>The <c>dense-dynamic</c> plugin: <see cref="DenseDynamicNegativeSampler"/> (needs the host's DenseMiner).</summary>
public sealed class DenseDynamicNegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "dense-dynamic",
        PluginKind.NegativeSampler,
        "1.0.0",
        "Dynamic dense hard negatives (ADORE): every batch re-searched with the current query encoder; index rebuilt every epoch or N steps.",
        [
            ParameterSpec.Int("depth", 200, "Candidates mined per query (ADORE retrieves the top 200).", min: 1, max: 100_000),
            ParameterSpec.Choice("strategy", "hardest", "Take the hardest (ADORE) or draw uniformly from the pool.", "hardest", "uniform"),
            ParameterSpec.Int("skip-top", 0, "Unlabelled candidates dropped from the top (reported as Dropped).", min: 0),
            ParameterSpec.Int("refresh-steps", 0, "Rebuild the document index every N optimizer steps; 0 rebuilds it every epoch.", min: 0),
        ])
    {
        Citation = """
            @inproceedings{zhan2021star,
              title = {Optimizing Dense Retrieval Model Training with Hard Negatives},
              author = {Zhan, Jingtao and Mao, Jiaxin and Liu, Yiqun and Guo, Jiafeng and Zhang, Min and Ma, Shaoping},
              booktitle = {Proceedings of the 44th International ACM SIGIR Conference},
              pages = {1503--1512},
              year = {2021}
            }
            """,
    };

    /// <inheritdoc />
    public SamplerRequirements GetRequirements(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var steps = parameters.GetInt("refresh-steps");
        return new()
        {
            Needs = SamplerNeeds.DenseMiner,
            Refresh = steps > 0 ? RefreshPolicy.EverySteps : RefreshPolicy.EveryEpochs,
            RefreshInterval = steps > 0 ? steps : 1,
        };
    }

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new DenseDynamicNegativeSampler(parameters.GetInt("depth"), parameters.GetString("strategy") == "uniform", parameters.GetInt("skip-top"));
    }
}
