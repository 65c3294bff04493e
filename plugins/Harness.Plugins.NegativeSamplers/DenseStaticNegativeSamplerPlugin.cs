using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>The <c>dense-static</c> plugin: <see cref="DenseStaticNegativeSampler"/> (needs the host's DenseMiner).</summary>
public sealed class DenseStaticNegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "dense-static",
        PluginKind.NegativeSampler,
        "1.0.0",
        "Static dense hard negatives: mined once with the encoder after the warm-up (ANCE-style refresh every N epochs optional).",
        [
            ParameterSpec.Int("depth", 200, "Candidates mined per query (ANCE and STAR sample from the top 200).", min: 1, max: 100_000),
            ParameterSpec.Choice("strategy", "uniform", "Draw uniformly from the pool (ANCE, STAR) or take the hardest.", "uniform", "hardest"),
            ParameterSpec.Int("skip-top", 0, "Unlabelled candidates dropped from the top (reported as Dropped).", min: 0),
            ParameterSpec.Int("warmup-epochs", 0, "Epochs trained (with in-batch negatives only) before the first mining.", min: 0),
            ParameterSpec.Int("refresh-epochs", 0, "Re-mine every N epochs after the warm-up (ANCE's asynchronous refresh); 0 mines once.", min: 0),
        ])
    {
        Citation = """
            @inproceedings{xiong2021ance,
              title = {Approximate Nearest Neighbor Negative Contrastive Learning for Dense Text Retrieval},
              author = {Xiong, Lee and Xiong, Chenyan and Li, Ye and Tang, Kwok-Fung and Liu, Jialin and Bennett, Paul and Ahmed, Junaid and Overwijk, Arnold},
              booktitle = {International Conference on Learning Representations (ICLR)},
              year = {2021}
            }
            """,
    };

    /// <inheritdoc />
    public SamplerRequirements GetRequirements(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var refresh = parameters.GetInt("refresh-epochs");
        return new()
        {
            Needs = SamplerNeeds.DenseMiner,
            Refresh = refresh > 0 ? RefreshPolicy.EveryEpochs : RefreshPolicy.Once,
            RefreshInterval = refresh,
            WarmupEpochs = parameters.GetInt("warmup-epochs"),
        };
    }

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context) => Build(parameters);

    internal static DenseStaticNegativeSampler Build(PluginParameters parameters, PositiveFilter? filter = null, string source = "dense-static", TeacherFilter? teacherFilter = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new DenseStaticNegativeSampler(
            parameters.GetInt("depth"),
            parameters.GetString("strategy") == "uniform",
            parameters.GetInt("skip-top"),
            parameters.GetInt("warmup-epochs"),
            parameters.GetInt("refresh-epochs"),
            filter,
            source,
            teacherFilter);
    }
}
