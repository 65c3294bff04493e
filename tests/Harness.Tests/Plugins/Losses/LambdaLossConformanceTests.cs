using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using Harness.Conformance;
using Harness.Conformance.Losses;
using Harness.Plugins.Losses;

namespace Harness.Tests.Plugins.Losses;

/// <summary>
/// <c>lambda</c> declares <see cref="LossCapabilities.RankWeighted"/>: its pair weights follow the current ranking and
/// are constants of the step (the paper's EM reading; TF-Ranking computes them under stop-gradient), so moving a
/// negative below the positive re-weights the pairs and the value may rise. The suite then checks the gradient's
/// direction instead; every other check still applies.
/// </summary>
public sealed class LambdaLossConformanceTests
{
    [Test]
    public void Lambda_passes_conformance_with_the_gradient_direction_check()
    {
        var plugin = new LambdaLossPlugin();
        var results = LossConformance.Check(plugin);
        Assert.That(results.Where(r => r.Outcome == CheckOutcome.Failed), Is.Empty, string.Join("\n", results));
        Assert.That(results.Select(r => r.Check), Does.Contain("a negative's gradient pushes its score down")
            .And.Not.Contain("decreases when a negative's score falls"));
        Assert.That(plugin.GetCapabilities(PluginParameters.Resolve(plugin.Info.Parameters)).RankWeighted, Is.True);
    }

    [Test]
    public void Without_the_declaration_the_value_check_fails_as_the_paper_predicts()
    {
        // The same loss declared as an ordinary one: the value rises when the hardest negative moves below the positive.
        var caps = new LossCapabilities(LossFeatures.Mask | LossFeatures.Weights | LossFeatures.Scores) { Similarity = SimilarityFunction.Cosine };
        var results = LossConformance.Check("lambda-undeclared", _ => new LambdaLoss("ndcg-loss2", 1.0, 10, SimilarityFunction.Cosine, false), caps);
        var check = results.Single(r => r.Check == "decreases when a negative's score falls");
        Assert.That(check.Outcome, Is.EqualTo(CheckOutcome.Failed), check.ToString());
    }

    [Test]
    public void A_rank_weighted_loss_whose_gradient_lifts_a_negative_still_fails()
    {
        var caps = new LossCapabilities(LossFeatures.Scores) { Similarity = SimilarityFunction.Cosine, RankWeighted = true };
        var results = LossConformance.Check("lambda-flipped", _ => new Flipped(new LambdaLoss("ndcg-loss2", 1.0, 10, SimilarityFunction.Cosine, false)), caps);
        Assert.That(results.Single(r => r.Check == "a negative's gradient pushes its score down").Outcome, Is.EqualTo(CheckOutcome.Failed));
    }

    private sealed class Flipped(LambdaLoss inner) : ILoss, IScoreLoss
    {
        public TorchSharp.torch.Tensor Compute(LossBatch batch) => -inner.Compute(batch);

        public TorchSharp.torch.Tensor Compute(ScoreBatch batch) => -inner.Compute(batch);
    }
}
