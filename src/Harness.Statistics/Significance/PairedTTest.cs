using Harness.Statistics.Descriptive;
using MathNet.Numerics.Distributions;

namespace Harness.Statistics.Significance;

/// <summary>Student's paired t-test, two-sided (R's <c>t.test(a, b, paired = TRUE)</c>, scipy's <c>ttest_rel</c>).</summary>
public static class PairedTTest
{
    /// <summary>Tests whether the mean of a − b is zero.</summary>
    /// <param name="a">First system's values, one per query.</param>
    /// <param name="b">Second system's values, same queries in the same order.</param>
    /// <returns>The result.</returns>
    public static TTestResult Test(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var d = PairedSamples.Differences(a, b);
        var n = d.Length;
        var mean = Moments.Mean(d);
        if (n < 2)
        {
            return new TTestResult(n, mean, double.NaN, Math.Max(n - 1, 0), double.NaN);
        }

        var sd = Moments.StandardDeviation(d, mean);
        if (sd == 0)
        {
            // scipy returns NaN here; a table needs a decision: identical systems do not differ (p = 1), a constant
            // non-zero shift on every query is as significant as it gets (p = 0).
            return mean == 0
                ? new TTestResult(n, 0, double.NaN, n - 1, 1)
                : new TTestResult(n, mean, mean > 0 ? double.PositiveInfinity : double.NegativeInfinity, n - 1, 0);
        }

        var t = mean / (sd / Math.Sqrt(n));
        // 2·F(−|t|) keeps precision for small p-values, where 2·(1 − F(|t|)) would cancel to 0.
        var p = Math.Min(1, 2 * StudentT.CDF(0, 1, n - 1, -Math.Abs(t)));
        return new TTestResult(n, mean, t, n - 1, p);
    }
}
