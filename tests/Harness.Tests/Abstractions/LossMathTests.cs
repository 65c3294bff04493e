using Harness.Abstractions.Datasets;
using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Tests.Abstractions;

/// <summary>The shared loss math: layouts, exclusions built from ids, weighted means, pair memory, similarity.</summary>
public sealed class LossMathTests
{
    [Test]
    public void In_batch_scores_put_other_rows_candidates_as_masked_or_excluded_negatives()
    {
        using var scope = NewDisposeScope();
        var q = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        var d = tensor(new float[] { 1, 0, 0, 1, 0, 2, 1, 1 }, [2, 2, 2]);
        var l = tensor(new float[] { 1, 0, 2, 0 }, [2, 2]);
        var mask = tensor(new[] { true, true, true, false }, [2, 2]);
        var excluded = zeros(2, 4, dtype: ScalarType.Bool);
        excluded[0, 2] = true;
        var s = LossMath.ToScores(new LossBatch(q, d, l) { Mask = mask, InBatchExcluded = excluded, Weights = tensor(new float[] { 1, 0.5f, 1, 1 }, [2, 2]) }, SimilarityFunction.Dot, inBatchNegatives: true);

        Assert.That(s.Scores.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 0, 0, 1, 0, 1, 2, 1 }));
        Assert.That(s.Labels.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 0, 0, 0, 0, 0, 2, 0 }));
        Assert.That(s.Mask!.data<bool>().ToArray(), Is.EqualTo(new[] { true, true, false, false, true, true, true, false }));
        Assert.That(s.Weights!.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 0.5f, 1, 1, 1, 1, 1, 1 }));
    }

    [Test]
    public void Exclusions_are_built_from_ids_and_training_judgments_only()
    {
        // Row 0 (q1): its positive d1 reappears in row 1, and d3 is a labelled positive of q1 in the training qrels.
        // Row 1 (q2): d1 of row 0 is the same document as its own positive.
        var training = TrainingDataView.FromParts("t", [new("d1", "", ""), new("d2", "", ""), new("d3", "", "")], [new("q1", ""), new("q2", "")], new Qrels.Builder().Add("q1", "d1", 1).Add("q1", "d3", 1).Add("q2", "d1", 1).Build());
        using var excluded = LossMath.BuildInBatchExcluded(["q1", "q2"], [["d1", "d2"], ["d1", "d3"]], [[1, 0], [1, 0]], training, 2);
        Assert.That(excluded.data<bool>().ToArray(), Is.EqualTo(new[] { false, false, true, true, true, false, false, false }));

        // Padding (a short row) is excluded for every other row.
        using var padded = LossMath.BuildInBatchExcluded(["q1", "q2"], [["d1", "d2"], ["d1"]], [[1, 0], [1]], training, 2);
        Assert.That(padded[0, 3].item<bool>(), Is.True);
    }

    [Test]
    public void Weighted_mean_ignores_invalid_terms_and_their_gradient()
    {
        using var scope = NewDisposeScope();
        var terms = tensor(new float[] { 1, 2, 100, 4 }).requires_grad_(true);
        var valid = tensor(new[] { true, true, false, true });
        var value = LossMath.WeightedMean(terms, valid, tensor(new float[] { 1, 3, 1, 0 }));
        Assert.That(value.item<float>(), Is.EqualTo((1 + 6) / 4f).Within(1e-6));
        value.backward();
        Assert.That(terms.grad!.data<float>().ToArray(), Is.EqualTo(new float[] { 0.25f, 0.75f, 0, 0 }));
    }

    [Test]
    public void Pair_differences_take_positives_from_each_row_only()
    {
        // B = 3 rows, M = 4 candidates, one positive each, in-batch: N = 12 columns. Memory O(B·P·N) = 3·1·12, not B·N².
        using var scope = NewDisposeScope();
        var g = new Generator(3);
        var l = zeros(3, 4);
        l[.., 0] = 1;
        var s = LossMath.ToScores(new LossBatch(randn(3, 8, generator: g), randn(3, 4, 8, generator: g), l), SimilarityFunction.Cosine, true);
        var (differences, valid, weights) = LossMath.PairDifferences(s);
        Assert.That(differences.shape, Is.EqualTo(new long[] { 3, 1, 12 }));
        Assert.That(valid.sum().item<long>(), Is.EqualTo(3 * 11));
        Assert.That(weights.sum().item<float>(), Is.EqualTo(36f));
        var expected = s.Scores[0, 0] - s.Scores[0, 5];
        Assert.That(differences[0, 0, 5].item<float>(), Is.EqualTo(expected.item<float>()).Within(1e-6));
    }

    [Test]
    public void Similarity_is_one_implementation_for_losses_and_retrieval()
    {
        using var scope = NewDisposeScope();
        var q = tensor(new float[] { 3, 4 }, [1, 2]);
        var d = tensor(new float[] { 3, 4, 0, 2, 0, 0 }, [3, 2]);
        Assert.That(SimilarityMath.Matrix(q, d, SimilarityFunction.Dot).data<float>().ToArray(), Is.EqualTo(new float[] { 25, 8, 0 }));
        Assert.That(SimilarityMath.Matrix(q, d, SimilarityFunction.Cosine).data<float>().ToArray(), Is.EqualTo(new float[] { 1, 0.8f, 0 }).Within(1e-6));
        var paired = SimilarityMath.Paired(q, d.unsqueeze(0), SimilarityFunction.Cosine);
        Assert.That(paired.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 0.8f, 0 }).Within(1e-6));
        Assert.That(SimilarityMath.Parse(SimilarityMath.ToName(SimilarityFunction.Cosine)), Is.EqualTo(SimilarityFunction.Cosine));
    }
}
