using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using Harness.Plugins.Losses;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Losses;

public sealed class InfoNceLossTests
{
    private static double Compute(ILoss loss, float[] q, long[] qShape, float[] d, long[] dShape, float[] l, long[] lShape)
    {
        using var scope = NewDisposeScope();
        return loss.Compute(new LossBatch(tensor(q, qShape), tensor(d, dShape), tensor(l, lShape))).item<float>();
    }

    [Test]
    public void One_query_dot_product_temperature_one_matches_the_hand_computed_cross_entropy()
    {
        // q = (1,0); candidates p = (1,0) score 1, n1 = (0,1) score 0, n2 = (-1,0) score -1.
        // loss = -log(e^1 / (e^1 + e^0 + e^-1)) = log(e + 1 + 1/e) - 1
        var expected = Math.Log(Math.E + 1 + (1 / Math.E)) - 1;
        var value = Compute(new InfoNceLoss(1.0, SimilarityFunction.Dot, false), [1, 0], [1, 2], [1, 0, 0, 1, -1, 0], [1, 3, 2], [1, 0, 0], [1, 3]);
        Assert.That(value, Is.EqualTo(expected).Within(1e-6));
        Assert.That(expected, Is.EqualTo(0.40760596).Within(1e-7));
    }

    [Test]
    public void Temperature_divides_the_scores()
    {
        // Same batch, τ = 0.5: scores 2, 0, -2 → log(e^2 + 1 + e^-2) - 2
        var expected = Math.Log(Math.Exp(2) + 1 + Math.Exp(-2)) - 2;
        var value = Compute(new InfoNceLoss(0.5, SimilarityFunction.Dot, false), [1, 0], [1, 2], [1, 0, 0, 1, -1, 0], [1, 3, 2], [1, 0, 0], [1, 3]);
        Assert.That(value, Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void In_batch_negatives_add_the_other_queries_candidates()
    {
        // q1 = (1,0) with [p1 = (1,0), n1 = (0,1)]; q2 = (0,1) with [p2 = (0,2), n2 = (1,1)].
        // q1 scores: p1 1, n1 0, p2 0, n2 1 → -log(e^1 / (e^1 + e^0 + e^0 + e^1)) = log(2e + 2) - 1
        // q2 scores: p1 0, n1 1, p2 2, n2 1 → -log(e^2 / (e^2 + e^0 + e^1 + e^1)) = log(e^2 + 1 + 2e) - 2
        var l1 = Math.Log((2 * Math.E) + 2) - 1;
        var l2 = Math.Log(Math.Exp(2) + 1 + (2 * Math.E)) - 2;
        var q = new float[] { 1, 0, 0, 1 };
        var d = new float[] { 1, 0, 0, 1, 0, 2, 1, 1 };
        var l = new float[] { 1, 0, 1, 0 };
        var inBatch = Compute(new InfoNceLoss(1.0, SimilarityFunction.Dot, true), q, [2, 2], d, [2, 2, 2], l, [2, 2]);
        Assert.That(inBatch, Is.EqualTo((l1 + l2) / 2).Within(1e-6));

        // Without in-batch negatives: q1: log(e + 1) - 1; q2: log(e^2 + e) - 2
        var own = Compute(new InfoNceLoss(1.0, SimilarityFunction.Dot, false), q, [2, 2], d, [2, 2, 2], l, [2, 2]);
        Assert.That(own, Is.EqualTo((Math.Log(Math.E + 1) - 1 + Math.Log(Math.Exp(2) + Math.E) - 2) / 2).Within(1e-6));
    }

    [Test]
    public void Two_positives_each_compete_with_the_negatives_only()
    {
        // Cosine: q = (1,0); p1 = (2,0) cos 1; p2 = (0,3) cos 0; n = (-1,0) cos -1; τ = 1.
        // p1: -log(e^1/(e^1 + e^-1)); p2: -log(e^0/(e^0 + e^-1)); mean of the two.
        var expected = ((Math.Log(Math.E + (1 / Math.E)) - 1) + Math.Log(1 + (1 / Math.E))) / 2;
        var value = Compute(new InfoNceLoss(1.0, SimilarityFunction.Cosine, false), [1, 0], [1, 2], [2, 0, 0, 3, -1, 0], [1, 3, 2], [1, 2, 0], [1, 3]);
        Assert.That(value, Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void A_batch_without_a_positive_in_a_row_is_rejected()
    {
        using var scope = NewDisposeScope();
        var batch = new LossBatch(zeros(1, 2), zeros(1, 2, 2), zeros(1, 2));
        Assert.Throws<ArgumentException>(() => new InfoNceLoss(1, SimilarityFunction.Dot, false).Compute(batch));
    }

    [Test]
    public void An_excluded_in_batch_column_leaves_the_row_and_a_masked_candidate_takes_no_part()
    {
        // As In_batch_negatives_add_the_other_queries_candidates, with p2 (column 2) excluded for q1:
        // q1 scores p1 1, n1 0, n2 1 → log(2e + 1) - 1; q2 unchanged: log(e^2 + 1 + 2e) - 2.
        using var scope = NewDisposeScope();
        var q = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        var d = tensor(new float[] { 1, 0, 0, 1, 0, 2, 1, 1 }, [2, 2, 2]);
        var l = tensor(new float[] { 1, 0, 1, 0 }, [2, 2]);
        var excluded = zeros(2, 4, dtype: ScalarType.Bool);
        excluded[0, 2] = true;
        var value = new InfoNceLoss(1.0, SimilarityFunction.Dot, true).Compute(new LossBatch(q, d, l) { InBatchExcluded = excluded }).item<float>();
        Assert.That(value, Is.EqualTo(((Math.Log((2 * Math.E) + 1) - 1) + (Math.Log(Math.Exp(2) + 1 + (2 * Math.E)) - 2)) / 2).Within(1e-6));

        // Masking n2 (row 1, column 1) removes it from row 1 and, as padding, from row 0:
        // q1: p1 1, n1 0, p2 0 → log(e + 2) - 1; q2: p1 0, n1 1, p2 2 → log(e^2 + 1 + e) - 2.
        var mask = tensor(new[] { true, true, true, false }, [2, 2]);
        var masked = new InfoNceLoss(1.0, SimilarityFunction.Dot, true).Compute(new LossBatch(q, d, l) { Mask = mask }).item<float>();
        Assert.That(masked, Is.EqualTo(((Math.Log(Math.E + 2) - 1) + (Math.Log(Math.Exp(2) + 1 + Math.E) - 2)) / 2).Within(1e-6));
    }

    [Test]
    public void Negative_weights_scale_their_share_of_the_partition_and_query_weights_the_mean()
    {
        // q = (1,0); p (1,0) 1, n1 (0,1) 0 with weight 0.5, n2 (-1,0) -1: -log(e / (e + 0.5 + e^-1)).
        using var scope = NewDisposeScope();
        var batch = new LossBatch(tensor(new float[] { 1, 0 }, [1, 2]), tensor(new float[] { 1, 0, 0, 1, -1, 0 }, [1, 3, 2]), tensor(new float[] { 1, 0, 0 }, [1, 3]))
        {
            Weights = tensor(new float[] { 1, 0.5f, 1 }, [1, 3]),
        };
        Assert.That(new InfoNceLoss(1.0, SimilarityFunction.Dot, false).Compute(batch).item<float>(), Is.EqualTo(Math.Log(Math.E + 0.5 + (1 / Math.E)) - 1).Within(1e-6));

        // Two queries weighted 1 and 3 (no in-batch): (l1 + 3·l2) / 4 with l1 = log(e + 1) - 1, l2 = log(e^2 + e) - 2.
        var q = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        var d = tensor(new float[] { 1, 0, 0, 1, 0, 2, 1, 1 }, [2, 2, 2]);
        var l = tensor(new float[] { 1, 0, 1, 0 }, [2, 2]);
        var weighted = new InfoNceLoss(1.0, SimilarityFunction.Dot, false).Compute(new LossBatch(q, d, l) { Weights = tensor(new float[] { 1, 3 }) }).item<float>();
        Assert.That(weighted, Is.EqualTo(((Math.Log(Math.E + 1) - 1) + (3 * (Math.Log(Math.Exp(2) + Math.E) - 2))) / 4).Within(1e-6));
    }
}
