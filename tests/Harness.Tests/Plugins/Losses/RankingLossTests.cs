using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using Harness.Conformance;
using Harness.Conformance.Losses;
using Harness.Plugins.Losses;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Losses;

/// <summary>
/// mw-auc, ranknet, listmle and lambda on fixed score tensors. Every expected value is the paper's formula evaluated by
/// hand (the arithmetic is in the comments; softplus(x) = ln(1 + eˣ), lse = log-sum-exp).
/// </summary>
public sealed class RankingLossTests
{
    private static double Value(IScoreLoss loss, float[] scores, float[] labels, int rows, bool[]? mask = null, float[]? weights = null, int weightDims = 1)
    {
        using var scope = NewDisposeScope();
        var n = scores.Length / rows;
        var batch = new ScoreBatch(tensor(scores, [rows, n]), tensor(labels, [rows, n]))
        {
            Mask = mask is null ? null : tensor(mask, [rows, n]),
            Weights = weights is null ? null : weightDims == 1 ? tensor(weights, [rows]) : tensor(weights, [rows, n]),
        };
        return loss.Compute(batch).item<float>();
    }

    // Two queries: row 0 scores (2, 1, 0) with its positive first; row 1 scores (0.5, 1.5, −1) with its positive second.
    private static readonly float[] TwoRows = [2, 1, 0, 0.5f, 1.5f, -1];
    private static readonly float[] TwoRowLabels = [1, 0, 0, 0, 1, 0];

    [Test]
    public void Mann_whitney_pairs_every_positive_of_the_batch_with_every_negative()
    {
        // Positives {2, 1.5} × negatives {1, 0, 0.5, −1}: d = 1, 2, 1.5, 3, 0.5, 1.5, 1, 2.5; mean softplus(−d).
        var loss = new MannWhitneyLoss(1.0, acrossQueries: true, SimilarityFunction.Dot, inBatchNegatives: false);
        Assert.That(Value(loss, TwoRows, TwoRowLabels, 2), Is.EqualTo(0.2197290015).Within(1e-6));
    }

    [Test]
    public void Mann_whitney_masked_weighted_per_query_and_tempered()
    {
        // Row 0's third candidate (score 0) masked: positives {2, 1.5} × negatives {1, 0.5, −1}.
        Assert.That(Value(new MannWhitneyLoss(1.0, true, SimilarityFunction.Dot, false), TwoRows, TwoRowLabels, 2, mask: [true, true, false, true, true, true]), Is.EqualTo(0.2382484538).Within(1e-6));

        // Row weights (2, 1): a pair weighs w(positive's row)·w(negative's row); Σ w·softplus(−d) / Σ w.
        Assert.That(Value(new MannWhitneyLoss(1.0, true, SimilarityFunction.Dot, false), TwoRows, TwoRowLabels, 2, weights: [2, 1]), Is.EqualTo(0.2224384444).Within(1e-6));

        // Within each query only: d = 1, 2 (row 0) and 1, 2.5 (row 1).
        Assert.That(Value(new MannWhitneyLoss(1.0, false, SimilarityFunction.Dot, false), TwoRows, TwoRowLabels, 2), Is.EqualTo(0.2080852801).Within(1e-6));

        // τ = 0.5: softplus(−d/0.5) over the eight batch pairs.
        Assert.That(Value(new MannWhitneyLoss(0.5, true, SimilarityFunction.Dot, false), TwoRows, TwoRowLabels, 2), Is.EqualTo(0.0864541718).Within(1e-6));
    }

    [Test]
    public void Ranknet_pairs_every_higher_grade_with_every_lower_one()
    {
        // Scores (2, 1, 0.5, 0), grades (2, 1, 0, 0): pairs (0,1) d=1, (0,2) 1.5, (0,3) 2, (1,2) 0.5, (1,3) 1.
        float[] s = [2, 1, 0.5f, 0];
        float[] g = [2, 1, 0, 0];
        Assert.That(Value(new RankNetLoss(1.0, SimilarityFunction.Dot, false), s, g, 1), Is.EqualTo(0.2857883296).Within(1e-6));
        Assert.That(Value(new RankNetLoss(2.0, SimilarityFunction.Dot, false), s, g, 1), Is.EqualTo(0.1267709978).Within(1e-6), "σ = 2");

        // Candidate 3 masked: pairs (0,1), (0,2), (1,2).
        Assert.That(Value(new RankNetLoss(1.0, SimilarityFunction.Dot, false), s, g, 1, mask: [true, true, true, false]), Is.EqualTo(0.3295839832).Within(1e-6));

        // Candidate weights (1, 2, 1, 0.5): pair weights w_i·w_j = 2, 1, 0.5, 2, 1.
        Assert.That(Value(new RankNetLoss(1.0, SimilarityFunction.Dot, false), s, g, 1, weights: [1, 2, 1, 0.5f], weightDims: 2), Is.EqualTo(0.3312025099).Within(1e-6));
    }

    [Test]
    public void Listmle_is_the_plackett_luce_likelihood_of_the_label_order()
    {
        // Scores (1, 3, 2), labels (1, 0, 0): order (0, 1, 2) (ties by column without a generator):
        // −[(1 − lse(1,3,2)) + (3 − lse(3,2)) + 0].
        var loss = new ListMleLoss(SimilarityFunction.Dot, false, allPositions: true);
        Assert.That(Value(loss, [1, 3, 2], [1, 0, 0], 1), Is.EqualTo(2.7208676520).Within(1e-5));

        // Graded (1, 2, 0): order (1, 0, 2): −[(3 − lse(3,1,2)) + (1 − lse(1,2))].
        Assert.That(Value(loss, [1, 3, 2], [1, 2, 0], 1), Is.EqualTo(1.7208676520).Within(1e-5));

        // Candidate 2 masked: −(1 − lse(1,3)).
        Assert.That(Value(loss, [1, 3, 2], [1, 0, 0], 1, mask: [true, true, false]), Is.EqualTo(2.1269280110).Within(1e-5));

        // Two rows weighted 3 and 1: (3·2.72087 + 1.72087) / 4.
        Assert.That(Value(loss, [1, 3, 2, 1, 3, 2], [1, 0, 0, 1, 2, 0], 2, weights: [3, 1]), Is.EqualTo(2.4708676520).Within(1e-5));
    }

    [Test]
    public void Top_k_listmle_counts_only_the_positives_positions()
    {
        // Default (k = positives): labels (1, 0, 0) → −(1 − lse(1,3,2)); graded (1, 2, 0) → −[(3 − lse(3,1,2)) + (1 − lse(1,2))].
        var loss = new ListMleLoss(SimilarityFunction.Dot, false);
        Assert.That(Value(loss, [1, 3, 2], [1, 0, 0], 1), Is.EqualTo(2.4076059644).Within(1e-5));
        Assert.That(Value(loss, [1, 3, 2], [1, 2, 0], 1), Is.EqualTo(1.7208676520).Within(1e-5));
    }

    [Test]
    public void Listmle_breaks_ties_with_the_batch_generator_deterministically()
    {
        using var scope = NewDisposeScope();
        var loss = new ListMleLoss(SimilarityFunction.Dot, false, allPositions: true);
        double Run(ulong seed) => loss.Compute(new ScoreBatch(tensor(new float[] { 1, 3, 2, -1, 0.5f }, [1, 5]), tensor(new float[] { 1, 0, 0, 0, 0 }, [1, 5])) { Generator = new Generator(seed) }).item<float>();
        var first = Run(7);
        Assert.That(Run(7), Is.EqualTo(first), "the same generator state gives the same value");
        var values = Enumerable.Range(1, 8).Select(i => Run((ulong)i)).Distinct().Count();
        Assert.That(values, Is.GreaterThan(1), "the negatives' order (a tie) is drawn from the generator");
    }

    [Test]
    public void Lambda_ndcg_loss2_weights_pairs_by_position_gap_and_gain_gap()
    {
        // Binary: scores (0.5, 2, 1), labels (1, 0, 0). Positions by score: 3, 1, 2; G = (1, 0, 0) (maxDCG = 1).
        // Pair (0,1): |3−1| = 2, δ = 1/log₂3 − 1/log₂4, d = −1.5; pair (0,2): |3−2| = 1, δ = 1 − 1/log₂3, d = −0.5.
        // Loss = Σ δ·|ΔG|·softplus(−d) / ln 2.
        var loss2 = new LambdaLoss("ndcg-loss2", 1.0, 10, SimilarityFunction.Dot, false);
        Assert.That(Value(loss2, [0.5f, 2, 1], [1, 0, 0], 1), Is.EqualTo(0.8400358108).Within(1e-5));

        // Graded: scores (1, 2, 0), labels (2, 1, 0). Positions 2, 1, 3; gains (3, 1, 0)/maxDCG, maxDCG = 3 + 1/log₂3.
        // (0,1): gap 1, |ΔG| = 2/maxDCG, d = −1; (0,2): gap 1, 3/maxDCG, d = 1; (1,2): gap 2, 1/maxDCG, d = 2.
        Assert.That(Value(loss2, [1, 2, 0], [2, 1, 0], 1), Is.EqualTo(0.5295826254).Within(1e-5));

        // LambdaRank's |1/D(r_i) − 1/D(r_j)|·|ΔG| on the same graded row, and NDCG-Loss2++ = 10·NDCG-Loss2 + LambdaRank.
        Assert.That(Value(new LambdaLoss("lambdarank", 1.0, 10, SimilarityFunction.Dot, false), [1, 2, 0], [2, 1, 0], 1), Is.EqualTo(0.4592720227).Within(1e-5));
        Assert.That(Value(new LambdaLoss("ndcg-loss2++", 1.0, 10, SimilarityFunction.Dot, false), [1, 2, 0], [2, 1, 0], 1), Is.EqualTo(5.7550982769).Within(1e-4));
    }

    [Test]
    public void Lambda_ignores_masked_candidates_entirely()
    {
        // Masking candidate 3 of (0.5, 2, 1, 9) removes it from the ranking too: the binary case above.
        var loss2 = new LambdaLoss("ndcg-loss2", 1.0, 10, SimilarityFunction.Dot, false);
        Assert.That(Value(loss2, [0.5f, 2, 1, 9], [1, 0, 0, 0], 1, mask: [true, true, true, false]), Is.EqualTo(0.8400358108).Within(1e-5));
    }

    [TestCaseSource(nameof(Plugins))]
    public void Each_new_loss_passes_conformance(ILossPlugin plugin)
    {
        var results = LossConformance.Check(plugin);
        Assert.That(results.Where(r => r.Outcome == CheckOutcome.Failed), Is.Empty, string.Join("\n", results));
    }

    [TestCaseSource(nameof(Plugins))]
    public void Each_new_loss_cites_its_paper(ILossPlugin plugin) =>
        Assert.That(plugin.Info.Citation, Does.StartWith("@"));

    private static IEnumerable<ILossPlugin> Plugins() =>
        [new MannWhitneyLossPlugin(), new RankNetLossPlugin(), new ListMleLossPlugin()];
}
