using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using Harness.Plugins.Losses;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Losses;

/// <summary>
/// The multi-similarity loss's ε mining step (Wang et al. 2019, Eqs. 13-14) on score batches, values by hand.
/// Row 0: scores (0.8, 0.3 | 0.6, 0.1, 0.75), the first two positives, the last column masked. Row 1: scores
/// (0.9 | 0.2, 0.05), two columns masked. α = 2, β = 50, λ = 0.5, ε = 0.1.
/// </summary>
public sealed class MultiSimilarityLossTests
{
    private static ScoreBatch Batch(Tensor scores) => new(
        scores,
        tensor(new float[] { 1, 1, 0, 0, 0, 1, 0, 0, 0, 0 }, [2, 5]))
    {
        Mask = tensor(new[] { true, true, true, true, false, true, true, true, false, false }, [2, 5]),
    };

    private static Tensor Scores() => tensor(new float[] { 0.8f, 0.3f, 0.6f, 0.1f, 0.75f, 0.9f, 0.2f, 0.05f, 0, 0 }, [2, 5]).requires_grad_();

    [Test]
    public void Mining_keeps_hard_pairs_per_row_and_ignores_masked_columns()
    {
        // Row 0: min positive 0.3 keeps negatives above 0.2 → 0.6 (0.1 goes; the masked 0.75 never counts);
        // max negative 0.6 keeps positives below 0.7 → 0.3 (0.8 goes).
        //   L0 = (1/2)·log(1 + e^{-2(0.3-0.5)}) + (1/50)·log(1 + e^{50(0.6-0.5)})
        // Row 1: min positive 0.9 keeps negatives above 0.8 → none; max negative 0.2 keeps positives below 0.3 → none.
        //   L1 = log(1 + 0)/2 + log(1 + 0)/50 = 0
        var l0 = (0.5 * Math.Log(1 + Math.Exp(0.4))) + (0.02 * Math.Log(1 + Math.Exp(5)));
        using var scope = NewDisposeScope();
        var scores = Scores();
        var loss = new MultiSimilarityLoss(2, 50, 0.5, 0.1, SimilarityFunction.Dot, false).Compute(Batch(scores));
        Assert.That(loss.item<float>(), Is.EqualTo(l0 / 2).Within(1e-6));

        // Mining is a selection: dropped pairs (0.8, 0.1, all of row 1) and masked columns get no gradient.
        loss.backward();
        var grad = scores.grad!.data<float>().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(grad[0], Is.Zero, "the easy positive 0.8");
            Assert.That(grad[1], Is.LessThan(0), "the kept positive is pulled up");
            Assert.That(grad[2], Is.GreaterThan(0), "the kept negative is pushed down");
            Assert.That(grad[3], Is.Zero, "the easy negative 0.1");
            Assert.That(grad[4], Is.Zero, "the masked column");
            Assert.That(grad[5..], Is.All.Zero, "row 1 keeps nothing");
        });
    }

    [Test]
    public void Without_mining_every_valid_pair_is_weighted()
    {
        // Row 0: (1/2)·log(1 + e^{-0.6} + e^{0.4}) + (1/50)·log(1 + e^{5} + e^{-20})
        // Row 1: (1/2)·log(1 + e^{-0.8}) + (1/50)·log(1 + e^{-15} + e^{-22.5})
        var l0 = (0.5 * Math.Log(1 + Math.Exp(-0.6) + Math.Exp(0.4))) + (0.02 * Math.Log(1 + Math.Exp(5) + Math.Exp(-20)));
        var l1 = (0.5 * Math.Log(1 + Math.Exp(-0.8))) + (0.02 * Math.Log(1 + Math.Exp(-15) + Math.Exp(-22.5)));
        using var scope = NewDisposeScope();
        var loss = new MultiSimilarityLoss(2, 50, 0.5, null, SimilarityFunction.Dot, false).Compute(Batch(Scores()));
        Assert.That(loss.item<float>(), Is.EqualTo((l0 + l1) / 2).Within(1e-6));
    }

    [Test]
    public void A_wider_margin_keeps_more_pairs()
    {
        // ε = 0.25: row 0 keeps negatives above 0.05 (0.6 and 0.1) and positives below 0.85 (0.8 and 0.3); row 1
        // keeps negatives above 0.65 (none) and positives below 0.45 (none).
        var l0 = (0.5 * Math.Log(1 + Math.Exp(-0.6) + Math.Exp(0.4))) + (0.02 * Math.Log(1 + Math.Exp(5) + Math.Exp(-20)));
        using var scope = NewDisposeScope();
        var loss = new MultiSimilarityLoss(2, 50, 0.5, 0.25, SimilarityFunction.Dot, false).Compute(Batch(Scores()));
        Assert.That(loss.item<float>(), Is.EqualTo(l0 / 2).Within(1e-6));
    }
}
