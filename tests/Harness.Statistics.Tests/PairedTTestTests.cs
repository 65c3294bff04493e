using Harness.Statistics.Significance;

namespace Harness.Statistics.Tests;

public sealed class PairedTTestTests
{
    [Test]
    public void Matches_scipy_ttest_rel()
    {
        // /usr/bin/python3 -c "from scipy import stats; r = stats.ttest_rel(A, B); print(repr(r.statistic), repr(r.pvalue))"
        // (scipy 1.10.1, Debian bookworm) -> 2.3458661838909713 0.04359932947976572
        var r = PairedTTest.Test(ReferenceData.A, ReferenceData.B);
        Assert.Multiple(() =>
        {
            Assert.That(r.T, Is.EqualTo(2.3458661838909713).Within(1e-12));
            Assert.That(r.PValue, Is.EqualTo(0.04359932947976572).Within(1e-12));
            Assert.That(r.DegreesOfFreedom, Is.EqualTo(9));
            Assert.That(r.MeanDifference, Is.EqualTo(0.033).Within(1e-15));
        });
    }

    [Test]
    public void Swapping_the_systems_flips_t_and_keeps_p()
    {
        var r = PairedTTest.Test(ReferenceData.B, ReferenceData.A);
        Assert.Multiple(() =>
        {
            Assert.That(r.T, Is.EqualTo(-2.3458661838909713).Within(1e-12));
            Assert.That(r.PValue, Is.EqualTo(0.04359932947976572).Within(1e-12));
        });
    }

    [Test]
    public void Identical_systems_do_not_differ_and_a_constant_shift_does()
    {
        double[] a = [0.1, 0.2, 0.3];
        Assert.Multiple(() =>
        {
            Assert.That(PairedTTest.Test(a, a).PValue, Is.EqualTo(1));
            Assert.That(PairedTTest.Test([0.2, 0.3, 0.4], a).PValue, Is.EqualTo(0).Within(1e-12));
            Assert.That(PairedTTest.Test([0.5], [0.4]).PValue, Is.NaN);
        });
    }

    [Test]
    public void Unequal_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => PairedTTest.Test([1, 2], [1]));
}
