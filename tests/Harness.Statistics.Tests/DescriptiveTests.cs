using Harness.Statistics.Descriptive;
using Harness.Statistics.EffectSizes;

namespace Harness.Statistics.Tests;

public sealed class DescriptiveTests
{
    [Test]
    public void Confidence_interval_matches_scipy()
    {
        // x = [0.301, 0.334, 0.298, 0.315, 0.322]
        // stats.t.interval(0.95, 4, loc=np.mean(x), scale=stats.sem(x)) -> (0.29547880105698154, 0.33252119894301846)
        // np.std(x, ddof=1) -> 0.014916433890176313
        var e = ConfidenceInterval.OfMean([0.301, 0.334, 0.298, 0.315, 0.322]);
        Assert.Multiple(() =>
        {
            Assert.That(e.Mean, Is.EqualTo(0.314).Within(1e-15));
            Assert.That(e.StandardDeviation, Is.EqualTo(0.014916433890176313).Within(1e-15));
            Assert.That(e.Lower, Is.EqualTo(0.29547880105698154).Within(1e-12));
            Assert.That(e.Upper, Is.EqualTo(0.33252119894301846).Within(1e-12));
            Assert.That(e.Count, Is.EqualTo(5));
        });
    }

    [Test]
    public void One_seed_has_a_mean_and_no_interval()
    {
        var e = ConfidenceInterval.OfMean([0.5]);
        Assert.Multiple(() =>
        {
            Assert.That(e.Mean, Is.EqualTo(0.5));
            Assert.That(e.StandardDeviation, Is.NaN);
            Assert.That(e.Lower, Is.NaN);
        });
    }

    [Test]
    public void Cohens_dz_matches_numpy()
    {
        // d = np.array(A) - np.array(B); d.mean() / d.std(ddof=1) -> 0.7418280227062867
        Assert.That(CohensDz.Compute(ReferenceData.A, ReferenceData.B), Is.EqualTo(0.7418280227062867).Within(1e-12));
    }
}
