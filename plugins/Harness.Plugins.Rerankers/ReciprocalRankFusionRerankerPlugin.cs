using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;

namespace Harness.Plugins.Rerankers;

/// <summary>The <c>rrf</c> plugin: <see cref="ReciprocalRankFusionReranker"/> over the dense and BM25 first stages.</summary>
public sealed class ReciprocalRankFusionRerankerPlugin : IRerankerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "rrf",
        PluginKind.Reranker,
        "1.0.0",
        "Reciprocal-rank fusion of the dense and BM25 rankings: Σ 1/(k + rank).",
        [
            ParameterSpec.Float("k", 60, "The constant k in 1/(k + rank) (60 in Cormack et al., 2009).", min: 0),
            ParameterSpec.Choice("lists", "dense+bm25", "The first-stage lists to fuse.", "dense+bm25", "dense", "bm25"),
        ])
    {
        Citation = """
            @inproceedings{cormack2009rrf,
              title = {Reciprocal Rank Fusion Outperforms Condorcet and Individual Rank Learning Methods},
              author = {Cormack, Gordon V. and Clarke, Charles L. A. and B{\"u}ttcher, Stefan},
              booktitle = {Proceedings of the 32nd International ACM SIGIR Conference on Research and Development in Information Retrieval},
              pages = {758--759},
              year = {2009}
            }
            """,
    };

    /// <inheritdoc />
    public RerankerRequirements GetRequirements(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new RerankerRequirements { FirstStageSources = Lists(parameters) };
    }

    /// <inheritdoc />
    public IReranker Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ReciprocalRankFusionReranker(parameters.GetDouble("k"), Lists(parameters));
    }

    private static string[] Lists(PluginParameters parameters) => parameters.GetString("lists").Split('+');
}
