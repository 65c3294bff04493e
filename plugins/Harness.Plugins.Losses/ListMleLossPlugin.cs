using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Losses;

/// <summary>The <c>listmle</c> plugin: <see cref="ListMleLoss"/>.</summary>
public sealed class ListMleLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "listmle",
        PluginKind.Loss,
        "1.0.0",
        "ListMLE: Plackett-Luce negative log-likelihood of the permutation by descending grade (ties at random).",
        [
            ParameterSpec.Choice("positions", "positives", "Which positions of the permutation enter the likelihood: positives (top-k ListMLE, k = the number of positives) or all (the 2008 paper's full permutation, where the order of tied negatives also counts).", "positives", "all"),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
            ParameterSpec.Bool("in-batch-negatives", false, "Use the other queries' candidates as extra negatives (except the host's in-batch exclusions); the paper ranks one query's list."),
        ])
    {
        Citation = """
            @inproceedings{xia2008listmle,
              title = {Listwise Approach to Learning to Rank: Theory and Algorithm},
              author = {Xia, Fen and Liu, Tie-Yan and Wang, Jue and Zhang, Wensheng and Li, Hang},
              booktitle = {Proceedings of the 25th International Conference on Machine Learning (ICML)},
              pages = {1192--1199},
              year = {2008}
            }
            @inproceedings{xia2009topk,
              title = {Statistical Consistency of Top-k Ranking},
              author = {Xia, Fen and Liu, Tie-Yan and Li, Hang},
              booktitle = {Advances in Neural Information Processing Systems 22 (NeurIPS)},
              pages = {2098--2106},
              year = {2009}
            }
            """,
    };

    /// <inheritdoc />
    public LossCapabilities GetCapabilities(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var basic = LossCapabilitiesFor.Embedding(SimilarityMath.Parse(parameters.GetString("similarity")), parameters.GetBool("in-batch-negatives"));
        return basic with { Features = basic.Features | LossFeatures.Generator };
    }

    /// <inheritdoc />
    public ILoss Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ListMleLoss(SimilarityMath.Parse(parameters.GetString("similarity")), parameters.GetBool("in-batch-negatives"), parameters.GetString("positions") == "all");
    }
}
