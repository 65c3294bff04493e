using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace HarnessPlugin1;

/// <summary>
/// The plugin: metadata the host lists, the parameters a configuration may set, what the loss honours, and a
/// factory. The host passes the loss a <see cref="LossBatch"/>: query embeddings [B, d], candidate embeddings
/// [B, M, d] and labels [B, M] (&gt; 0 = positive), plus a mask and weights when the capabilities declare them.
/// The loss computes the similarity itself (with the shared <see cref="SimilarityMath"/>, through LossMath), returns
/// a scalar on the embeddings' device, and must not move, detach or keep the tensors it is given.
/// </summary>
public sealed class HarnessPlugin1Plugin : ILossPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "harness-plugin-id",
        Kind: PluginKind.Loss,
        Version: "1.0.0",
        Description: "Softmax cross-entropy of each positive against the row's negatives, on scores divided by a temperature.",
        Parameters:
        [
            ParameterSpec.Float("temperature", 0.05, "Divides the scores before the softmax.", min: 0, exclusiveMin: true),
            ParameterSpec.Choice("similarity", "cosine", "Score function.", "cosine", "dot"),
        ]);

    // Written on LossMath, so masks (ragged lists) and weights are honoured: declare them, and the similarity it uses.
    public LossCapabilities GetCapabilities(PluginParameters parameters) =>
        new(LossFeatures.Mask | LossFeatures.Weights | LossFeatures.Scores) { Similarity = SimilarityMath.Parse(parameters.GetString("similarity")) };

    public ILoss Create(PluginParameters parameters, IPluginContext context) =>
        new PositiveSoftmaxLoss(parameters.GetDouble("temperature"), SimilarityMath.Parse(parameters.GetString("similarity")));
}

/// <summary>
/// For each positive p of a row: -log(exp(s_p/t) / (exp(s_p/t) + Σ_negatives exp(s_n/t))) = softplus(lse_n - s_p/t),
/// averaged over positives with their weights. The embedding stage scores with the shared similarity, the score
/// stage (IScoreLoss, also used to train rerankers) does the math.
/// </summary>
public sealed class PositiveSoftmaxLoss(double temperature, SimilarityFunction similarity) : ILoss, IScoreLoss
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
        var logits = batch.Scores / temperature;                                               // [B, N]
        var negatives = LossMath.WeightedLogits(batch, logits, LossMath.Negatives(batch));     // masked: -1e30
        var terms = nn.functional.softplus(negatives.logsumexp(1, keepdim: true) - logits);   // per positive column
        var weights = LossMath.RowWeights(batch).unsqueeze(1) * LossMath.ColumnWeights(batch);
        return LossMath.WeightedMean(terms, LossMath.Positives(batch), weights).MoveToOuterDisposeScope();
    }
}
