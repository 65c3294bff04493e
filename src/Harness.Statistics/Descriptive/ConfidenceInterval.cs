using MathNet.Numerics.Distributions;

namespace Harness.Statistics.Descriptive;

/// <summary>Student-t confidence intervals for a mean (for example a measure's mean over seeds).</summary>
public static class ConfidenceInterval
{
    /// <summary>
    /// Mean ± t(1 − (1 − level)/2, n − 1) · s/√n, with s the sample standard deviation: the interval R's
    /// <c>t.test(x)$conf.int</c> and scipy's <c>stats.t.interval(level, n-1, mean, sem)</c> give.
    /// </summary>
    /// <param name="values">The values (for example one mean per seed).</param>
    /// <param name="level">Confidence level in (0, 1); 0.95 by default.</param>
    /// <returns>The estimate; interval and standard deviation are NaN for fewer than two values.</returns>
    public static IntervalEstimate OfMean(IReadOnlyList<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, 1);
        var n = values.Count;
        if (n == 0)
        {
            return new IntervalEstimate(0, double.NaN, double.NaN, double.NaN, double.NaN, level);
        }

        var mean = Moments.Mean(values);
        if (n == 1)
        {
            return new IntervalEstimate(1, mean, double.NaN, double.NaN, double.NaN, level);
        }

        var sd = Moments.StandardDeviation(values, mean);
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2)) * sd / Math.Sqrt(n);
        return new IntervalEstimate(n, mean, sd, mean - half, mean + half, level);
    }
}
