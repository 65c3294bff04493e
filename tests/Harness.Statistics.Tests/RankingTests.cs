using Harness.Statistics.Rankings;

namespace Harness.Statistics.Tests;

public sealed class RankingTests
{
    [Test]
    public void Kendall_tau_b_matches_scipy()
    {
        // stats.kendalltau([1,2,3,4,5,6], [2,1,4,3,6,5]).statistic -> 0.6
        // stats.kendalltau([1,2,2,3], [1,3,2,2]).statistic -> 0.39999999999999997 (ties on both sides)
        Assert.Multiple(() =>
        {
            Assert.That(KendallTau.TauB([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]), Is.EqualTo(0.6).Within(1e-15));
            Assert.That(KendallTau.TauB([1, 2, 2, 3], [1, 3, 2, 2]), Is.EqualTo(0.4).Within(1e-15));
            Assert.That(KendallTau.TauB([1, 2, 3], [1, 2, 3]), Is.EqualTo(1));
            Assert.That(KendallTau.TauB([1], [1]), Is.NaN);
        });
    }

    [Test]
    public void Rank_biased_overlap_by_hand()
    {
        // p = 0.5, L = a b c, S = a c b: X = 1, 1, 3 -> (1-p)/p · (1·0.5 + 0.5·0.25 + 1·0.125) + (0 + 3/3)·0.125 = 0.875.
        Assert.That(RankBiasedOverlap.Extrapolated(["a", "b", "c"], ["a", "c", "b"], 0.5), Is.EqualTo(0.875).Within(1e-15));
    }

    [Test]
    public void Rank_biased_overlap_of_a_prefix_extrapolates_to_one_and_disjoint_lists_give_zero()
    {
        // Eq. (32) with S = a b a prefix of L = a b c d (p = 0.5): 0.5 + 0.25 + (2/3 + 1/3)·0.125 + (2/4 + 2/4)·0.0625
        // = 0.9375, plus ((2 - 2)/4 + 2/2)·0.0625 = 1.
        Assert.Multiple(() =>
        {
            Assert.That(RankBiasedOverlap.Extrapolated(["a", "b", "c", "d"], ["a", "b"], 0.5), Is.EqualTo(1).Within(1e-15));
            Assert.That(RankBiasedOverlap.Extrapolated(["a", "b"], ["c", "d"]), Is.EqualTo(0));
            Assert.That(RankBiasedOverlap.Extrapolated(["a", "b", "c"], ["a", "b", "c"]), Is.EqualTo(1).Within(1e-15));
        });
    }
}
