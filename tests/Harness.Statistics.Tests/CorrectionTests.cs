using Harness.Statistics.Corrections;

namespace Harness.Statistics.Tests;

public sealed class CorrectionTests
{
    private static readonly double[] P = [0.01, 0.04, 0.03, 0.005, 0.5, 0.2];

    [Test]
    public void Holm_matches_statsmodels()
    {
        // /usr/bin/python3 -c "from statsmodels.stats.multitest import multipletests; print(list(multipletests(P, method='holm')[1]))"
        // (statsmodels from Debian bookworm) -> [0.05, 0.12, 0.12, 0.03, 0.5, 0.4]; R's p.adjust(P, "holm") agrees.
        Assert.That(PValueAdjustment.Holm(P), Is.EqualTo(new[] { 0.05, 0.12, 0.12, 0.03, 0.5, 0.4 }).Within(1e-15));
    }

    [Test]
    public void Benjamini_Hochberg_matches_statsmodels()
    {
        // ... multipletests(P, method='fdr_bh')[1] -> [0.03, 0.06, 0.06, 0.03, 0.5, 0.24]
        Assert.That(PValueAdjustment.BenjaminiHochberg(P), Is.EqualTo(new[] { 0.03, 0.06, 0.06, 0.03, 0.5, 0.24 }).Within(1e-15));
    }

    [Test]
    public void NaN_is_kept_and_not_counted()
    {
        // Like R's p.adjust(c(0.01, NA, 0.04), "holm") -> 0.02 NA 0.04.
        var adjusted = PValueAdjustment.Adjust([0.01, double.NaN, 0.04], CorrectionMethod.Holm);
        Assert.Multiple(() =>
        {
            Assert.That(adjusted[0], Is.EqualTo(0.02).Within(1e-15));
            Assert.That(adjusted[1], Is.NaN);
            Assert.That(adjusted[2], Is.EqualTo(0.04).Within(1e-15));
        });
    }

    [Test]
    public void Adjusted_values_never_exceed_one() =>
        Assert.That(PValueAdjustment.Holm([0.6, 0.7, 0.9]), Is.All.EqualTo(1.0));
}
