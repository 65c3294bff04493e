using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace MarginRanking;

/// <summary>The plugin: metadata, what a configuration honours, and a factory.</summary>
public sealed class MarginRankingLossPlugin : ILossPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "margin-ranking",
        Kind: PluginKind.Loss,
        Version: "1.0.0",
        Description: "Logistic pairwise ranking loss with a margin: softplus(margin - (s_pos - s_neg)) over every pair.",
        Parameters:
        [
            ParameterSpec.Float("margin", 0.1, "Required score gap.", min: 0),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
        ]);

    // Written on LossMath, so masks and weights are honoured: declare them (and the similarity it trains for).
    public LossCapabilities GetCapabilities(PluginParameters parameters) =>
        new(LossFeatures.Mask | LossFeatures.Weights | LossFeatures.Scores) { Similarity = SimilarityMath.Parse(parameters.GetString("similarity")) };

    public ILoss Create(PluginParameters parameters, IPluginContext context) =>
        new MarginRankingLoss(parameters.GetDouble("margin"), SimilarityMath.Parse(parameters.GetString("similarity")));
}

/// <summary>The loss: the embedding stage scores with the shared similarity, the score stage does the math.</summary>
public sealed class MarginRankingLoss(double margin, SimilarityFunction similarity) : ILoss, IScoreLoss
{
    public Tensor Compute(LossBatch batch)
    {
        using var scope = NewDisposeScope();
        return Compute(LossMath.ToScores(batch, similarity, inBatchNegatives: false)).MoveToOuterDisposeScope();
    }

    public Tensor Compute(ScoreBatch batch)
    {
        batch.Validate();
        using var scope = NewDisposeScope();
        var (d, valid, weights) = LossMath.PairDifferences(batch);   // d[i, p, n] = s_ip - s_in, [B, P, N]
        var terms = nn.functional.softplus(margin - d);
        return LossMath.WeightedMean(terms, valid, weights).MoveToOuterDisposeScope();
    }
}
