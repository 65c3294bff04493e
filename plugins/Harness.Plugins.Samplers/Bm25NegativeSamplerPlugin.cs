using Harness.Abstractions.Plugins;
using Harness.Abstractions.Sampling;
using Harness.Abstractions.Services;
using Harness.Retrieval.Lexical;

namespace Harness.Plugins.Samplers;

/// <summary>The <c>bm25</c> plugin: <see cref="Bm25NegativeSampler"/>.</summary>
public sealed class Bm25NegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "bm25",
        PluginKind.NegativeSampler,
        "1.0.0",
        "BM25 hard negatives: top-ranked Lucene BM25 documents that are not labelled positives.",
        [
            ParameterSpec.Int("depth", 100, "BM25 candidates retrieved per query.", min: 1, max: 100_000),
            ParameterSpec.Int("skip-top", 0, "Unlabelled candidates skipped from the top (likely false negatives).", min: 0),
            ParameterSpec.Choice("strategy", "hardest", "Take the best-ranked candidates, or draw uniformly from the pool.", "hardest", "uniform"),
            ParameterSpec.Bool("fill-random", true, "When BM25 finds too few, fill with uniform random negatives."),
            ParameterSpec.Float("k1", 0.9, "BM25 k1.", min: 0),
            ParameterSpec.Float("b", 0.4, "BM25 b.", min: 0, max: 1),
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
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        return new Bm25NegativeSampler(
            parameters.GetInt("depth"),
            parameters.GetInt("skip-top"),
            parameters.GetString("strategy") == "uniform",
            parameters.GetBool("fill-random"),
            new Bm25Options { K1 = (float)parameters.GetDouble("k1"), B = (float)parameters.GetDouble("b") },
            context.Services.GetService(typeof(IPluginCache)) as IPluginCache,
            context.CancellationToken);
    }
}
