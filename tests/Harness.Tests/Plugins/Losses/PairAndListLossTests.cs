using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using Harness.Plugins.Losses;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Losses;

/// <summary>
/// One query q = (1, 0) with candidates p = (0.5, 0), n1 = (0.2, 0), n2 = (0.9, 0) under the dot product: scores
/// s_p = 0.5, s_n1 = 0.2, s_n2 = 0.9, so d1 = s_p - s_n1 = 0.3 and d2 = s_p - s_n2 = -0.4.
/// </summary>
public sealed class PairAndListLossTests
{
    private static double Compute(ILoss loss, float[]? labels = null)
    {
        using var scope = NewDisposeScope();
        var batch = new LossBatch(
            tensor(new float[] { 1, 0 }, [1, 2]),
            tensor(new float[] { 0.5f, 0, 0.2f, 0, 0.9f, 0 }, [1, 3, 2]),
            tensor(labels ?? [1, 0, 0], [1, 3]));
        return loss.Compute(batch).item<float>();
    }

    [Test]
    public void Auc_hinge_is_the_mean_of_max_zero_margin_minus_d()
    {
        // (max(0, 1 - 0.3) + max(0, 1 + 0.4)) / 2 = (0.7 + 1.4) / 2
        Assert.That(Compute(new AucLoss("hinge", 1.0, 0.1, SimilarityFunction.Dot, false)), Is.EqualTo(1.05).Within(1e-6));
    }

    [Test]
    public void Auc_squared_is_the_mean_of_margin_minus_d_squared()
    {
        // (0.7² + 1.4²) / 2 = (0.49 + 1.96) / 2
        Assert.That(Compute(new AucLoss("squared", 1.0, 0.1, SimilarityFunction.Dot, false)), Is.EqualTo(1.225).Within(1e-6));
    }

    [Test]
    public void Auc_logistic_is_the_mean_of_tau_softplus_minus_d_over_tau()
    {
        // 0.1·(log(1 + e^-3) + log(1 + e^4)) / 2
        var expected = 0.1 * (Math.Log(1 + Math.Exp(-3)) + Math.Log(1 + Math.Exp(4))) / 2;
        Assert.That(Compute(new AucLoss("logistic", 1.0, 0.1, SimilarityFunction.Dot, false)), Is.EqualTo(expected).Within(1e-6));
        Assert.That(expected, Is.EqualTo(0.2033369).Within(1e-6));
    }

    [Test]
    public void Multi_similarity_without_mining_matches_the_two_log_sum_exp_terms()
    {
        // α = 2, β = 4, λ = 0.5: (1/2)·log(1 + e^{-2(0.5-0.5)}) + (1/4)·log(1 + e^{4(0.2-0.5)} + e^{4(0.9-0.5)})
        var expected = (0.5 * Math.Log(2)) + (0.25 * Math.Log(1 + Math.Exp(-1.2) + Math.Exp(1.6)));
        Assert.That(Compute(new MultiSimilarityLoss(2, 4, 0.5, null, SimilarityFunction.Dot, false)), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void Multi_similarity_mining_drops_the_easy_negative()
    {
        // ε = 0.1: negatives kept if s > min positive − ε = 0.4, so n1 (0.2) goes; the positive is kept (0.5 < 0.9 + ε).
        var expected = (0.5 * Math.Log(2)) + (0.25 * Math.Log(1 + Math.Exp(1.6)));
        Assert.That(Compute(new MultiSimilarityLoss(2, 4, 0.5, 0.1, SimilarityFunction.Dot, false)), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void ListNet_is_the_cross_entropy_between_label_and_score_softmaxes()
    {
        // Graded labels [2, 1, 0], τ = τ_label = 1: target t = softmax(2, 1, 0); loss = -Σ t_j log softmax(0.5, 0.2, 0.9)_j
        double[] labels = [2, 1, 0];
        double[] scores = [0.5, 0.2, 0.9];
        var zt = labels.Sum(Math.Exp);
        var zs = scores.Sum(Math.Exp);
        var expected = -Enumerable.Range(0, 3).Sum(j => Math.Exp(labels[j]) / zt * (scores[j] - Math.Log(zs)));
        Assert.That(Compute(new ListNetLoss(1, 1, SimilarityFunction.Dot), [2, 1, 0]), Is.EqualTo(expected).Within(1e-6));
    }
}
