using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using Harness.Conformance;
using MarginRanking;
using NUnit.Framework;
using static TorchSharp.torch;

namespace MarginRanking.Tests;

public sealed class MarginRankingLossTests
{
    [Test]
    public void Passes_the_conformance_suite()
    {
        var report = ConformanceSuite.Check(new MarginRankingLossPlugin());
        Assert.That(report.Passed, Is.True, report.ToString());
    }

    [Test]
    public void Matches_the_hand_computed_value()
    {
        // q = (1,0); positive (0.5,0) scores 0.5; negatives score 0.6 and -1 (dot); margin 0.1:
        // (softplus(0.1 - (0.5 - 0.6)) + softplus(0.1 - (0.5 + 1))) / 2
        using var scope = NewDisposeScope();
        var batch = new LossBatch(tensor(new float[] { 1, 0 }, [1, 2]), tensor(new float[] { 0.5f, 0, 0.6f, 0, -1, 0 }, [1, 3, 2]), tensor(new float[] { 1, 0, 0 }, [1, 3]));
        var expected = (Math.Log(1 + Math.Exp(0.2)) + Math.Log(1 + Math.Exp(-1.4))) / 2;
        Assert.That(new MarginRankingLoss(0.1, SimilarityFunction.Dot).Compute(batch).item<float>(), Is.EqualTo(expected).Within(1e-6));
    }
}
