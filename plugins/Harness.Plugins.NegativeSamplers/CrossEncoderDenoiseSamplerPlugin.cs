using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// The <c>ce-denoise</c> plugin: static dense hard negatives (as <c>dense-static</c>) denoised by a trained
/// cross-encoder teacher (<see cref="TeacherFilter"/>, RocketQA): candidates the teacher scores as likely positives are
/// dropped and reported, so the host's accounting gives the filter's precision and recall against the hidden positives.
/// The teacher is a plugin reference the host creates and trains before this sampler's Prepare.
/// </summary>
public sealed class CrossEncoderDenoiseSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "ce-denoise",
        PluginKind.NegativeSampler,
        "1.0.0",
        "Dense hard negatives denoised by a trained cross-encoder teacher (RocketQA): candidates with teacher probability above the threshold are dropped and reported.",
        [
            ParameterSpec.PluginReference("teacher", PluginKind.Reranker, "cross-encoder", "The teacher reranker the host trains first, e.g. cross-encoder(init=minilm,epochs=1)."),
            ParameterSpec.Float("threshold", 0.1, "Drop candidates whose teacher probability exceeds it (RocketQA keeps those below 0.1).", min: 0, max: 1),
            ParameterSpec.Choice("probability", "absolute", "absolute: σ(teacher score) (the paper's pointwise teacher); relative: σ(score − the positive's score).", "absolute", "relative"),
            ParameterSpec.Int("depth", 200, "Candidates mined per query and scored by the teacher.", min: 1, max: 100_000),
            ParameterSpec.Choice("strategy", "uniform", "Draw uniformly from the denoised pool (RocketQA samples) or take the hardest.", "uniform", "hardest"),
            ParameterSpec.Int("warmup-epochs", 0, "Epochs trained before the first mining.", min: 0),
            ParameterSpec.Int("refresh-epochs", 0, "Re-mine (and re-score) every N epochs after the warm-up; 0 mines once.", min: 0),
        ])
    {
        Citation = """
            @inproceedings{qu2021rocketqa,
              title = {{RocketQA}: An Optimized Training Approach to Dense Passage Retrieval for Open-Domain Question Answering},
              author = {Qu, Yingqi and Ding, Yuchen and Liu, Jing and Liu, Kai and Ren, Ruiyang and Zhao, Wayne Xin and Dong, Daxiang and Wu, Hua and Wang, Haifeng},
              booktitle = {Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics (NAACL)},
              pages = {5835--5847},
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
            Needs = SamplerNeeds.DenseMiner | SamplerNeeds.Teacher,
            Refresh = refresh > 0 ? RefreshPolicy.EveryEpochs : RefreshPolicy.Once,
            RefreshInterval = refresh,
            WarmupEpochs = parameters.GetInt("warmup-epochs"),
        };
    }

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new DenseStaticNegativeSampler(
            parameters.GetInt("depth"),
            parameters.GetString("strategy") == "uniform",
            skipTop: 0,
            parameters.GetInt("warmup-epochs"),
            parameters.GetInt("refresh-epochs"),
            filter: null,
            source: "ce-denoise",
            teacherFilter: new TeacherFilter(parameters.GetString("probability") == "relative", parameters.GetDouble("threshold")));
    }
}
