using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using NUnit.Framework;
using static TorchSharp.torch;

namespace HarnessPlugin1.Tests;

public sealed class LossTests
{
    [Test]
    public void Matches_the_hand_computed_value()
    {
        // q = (1,0); the positive (0.5,0) scores 0.5, the negatives 0.6 and -1 (dot); temperature 1:
        // -log(e^0.5 / (e^0.5 + e^0.6 + e^-1)) = log(1 + (e^0.6 + e^-1) / e^0.5)
        using var scope = NewDisposeScope();
        var batch = new LossBatch(tensor(new float[] { 1, 0 }, [1, 2]), tensor(new float[] { 0.5f, 0, 0.6f, 0, -1, 0 }, [1, 3, 2]), tensor(new float[] { 1, 0, 0 }, [1, 3]));
        var expected = Math.Log(1 + ((Math.Exp(0.6) + Math.Exp(-1)) / Math.Exp(0.5)));
        Assert.That(new PositiveSoftmaxLoss(1, SimilarityFunction.Dot).Compute(batch).item<float>(), Is.EqualTo(expected).Within(1e-6));
    }
}
