using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>The <c>star</c> plugin: <see cref="StarNegativeSampler"/> (static hard + random; needs the DenseMiner).</summary>
public sealed class StarNegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "star",
        PluginKind.NegativeSampler,
        "1.0.0",
        "STAR: static dense hard negatives (mined once after the warm-up) mixed with random negatives.",
        [
            ParameterSpec.Int("depth", 200, "Candidates mined per query (STAR samples from the top 200).", min: 1, max: 100_000),
            ParameterSpec.Choice("strategy", "uniform", "Draw the hard ones uniformly from the pool (STAR) or take the hardest.", "uniform", "hardest"),
            ParameterSpec.Int("skip-top", 0, "Unlabelled candidates dropped from the top (reported as Dropped).", min: 0),
            ParameterSpec.Int("warmup-epochs", 0, "Epochs trained before the hard negatives are mined.", min: 0),
            ParameterSpec.Int("refresh-epochs", 0, "Re-mine every N epochs after the warm-up; 0 mines once (STAR).", min: 0),
            ParameterSpec.Float("hard-fraction", 0.5, "Share of hard negatives; the rest are random.", min: 0, max: 1),
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
    public SamplerRequirements GetRequirements(PluginParameters parameters) => new DenseStaticNegativeSamplerPlugin().GetRequirements(parameters);

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new StarNegativeSampler(DenseStaticNegativeSamplerPlugin.Build(parameters), parameters.GetDouble("hard-fraction"));
    }
}
