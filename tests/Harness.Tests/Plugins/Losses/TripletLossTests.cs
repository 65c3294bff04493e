using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using Harness.Plugins.Losses;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Losses;

public sealed class TripletLossTests
{
    [Test]
    public void Mean_and_mean_active_reductions_match_hand_computed_hinges()
    {
        // q = (1,0); p = (0.5,0) score 0.5; n1 = (0.6,0) score 0.6; n2 = (-1,0) score -1; margin 0.3.
        // hinges: max(0, 0.3 - 0.5 + 0.6) = 0.4; max(0, 0.3 - 0.5 - 1) = 0.
        using var scope = NewDisposeScope();
        var batch = new LossBatch(tensor(new float[] { 1, 0 }, [1, 2]), tensor(new float[] { 0.5f, 0, 0.6f, 0, -1, 0 }, [1, 3, 2]), tensor(new float[] { 1, 0, 0 }, [1, 3]));
        var mean = new TripletLoss(0.3, SimilarityFunction.Dot, false, false).Compute(batch).item<float>();
        var active = new TripletLoss(0.3, SimilarityFunction.Dot, false, true).Compute(batch).item<float>();
        Assert.That(mean, Is.EqualTo(0.2).Within(1e-6));
        Assert.That(active, Is.EqualTo(0.4).Within(1e-6));
    }

    [Test]
    public void In_batch_negatives_add_triples_against_the_other_rows()
    {
        // q1 = (1,0): p1 = (1,0) s 1, n1 = (0,0) s 0; q2 = (0,1): p2 = (0,1) s 1, n2 = (0,0) s 0. margin 1.5.
        // q1 triples: vs n1: 1.5-1+0 = 0.5; vs p2 (s 0): 0.5; vs n2 (s 0): 0.5. Same for q2. mean = 0.5.
        using var scope = NewDisposeScope();
        var batch = new LossBatch(
            tensor(new float[] { 1, 0, 0, 1 }, [2, 2]),
            tensor(new float[] { 1, 0, 0, 0, 0, 1, 0, 0 }, [2, 2, 2]),
            tensor(new float[] { 1, 0, 1, 0 }, [2, 2]));
        Assert.That(new TripletLoss(1.5, SimilarityFunction.Dot, true, false).Compute(batch).item<float>(), Is.EqualTo(0.5).Within(1e-6));
        Assert.That(new TripletLoss(1.5, SimilarityFunction.Dot, false, false).Compute(batch).item<float>(), Is.EqualTo(0.5).Within(1e-6));
    }
}
