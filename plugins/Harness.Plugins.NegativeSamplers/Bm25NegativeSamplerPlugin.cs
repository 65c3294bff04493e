using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>The <c>bm25</c> plugin: <see cref="Bm25NegativeSampler"/> (needs the host's Lexical service).</summary>
public sealed class Bm25NegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "bm25",
        PluginKind.NegativeSampler,
        "2.0.0",
        "BM25 hard negatives: top-ranked documents of the host's BM25 index that are not labelled positives.",
        [
            ParameterSpec.Int("depth", 100, "BM25 candidates retrieved per query.", min: 1, max: 100_000),
            ParameterSpec.Int("skip-top", 0, "Unlabelled candidates dropped from the top (likely false negatives; reported as Dropped).", min: 0),
            ParameterSpec.Choice("strategy", "hardest", "Take the best-ranked candidates, or draw uniformly from the pool.", "hardest", "uniform"),
            ParameterSpec.Bool("fill-random", true, "When BM25 finds too few, fill with uniform random negatives."),
        ])
    {
        Citation = """
            @inproceedings{karpukhin2020dpr,
              title = {Dense Passage Retrieval for Open-Domain Question Answering},
              author = {Karpukhin, Vladimir and O{\u{g}}uz, Barlas and Min, Sewon and Lewis, Patrick and Wu, Ledell and Edunov, Sergey and Chen, Danqi and Yih, Wen-tau},
              booktitle = {Proceedings of EMNLP},
              pages = {6769--6781},
              year = {2020}
            }
            """,
    };

    /// <inheritdoc />
    public SamplerRequirements GetRequirements(PluginParameters parameters) => new() { Needs = SamplerNeeds.Lexical };

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        return new Bm25NegativeSampler(
            parameters.GetInt("depth"),
            parameters.GetInt("skip-top"),
            parameters.GetString("strategy") == "uniform",
            parameters.GetBool("fill-random"),
            context.Metrics);
    }
}
