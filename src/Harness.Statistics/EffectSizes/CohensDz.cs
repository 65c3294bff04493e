using Harness.Statistics.Descriptive;

namespace Harness.Statistics.EffectSizes;

/// <summary>
/// Cohen's d for paired samples in its d_z form (Cohen 1988; Lakens 2013, eq. 6): the mean of the differences a − b
/// divided by their sample standard deviation. It is the t statistic over √n, so it does not grow with the number
/// of queries the way t does. Rules of thumb: 0.2 small, 0.5 medium, 0.8 large.
/// </summary>
public static class CohensDz
{
    /// <summary>d_z of paired values.</summary>
    /// <param name="a">First system's values, one per query.</param>
    /// <param name="b">Second system's values, same queries.</param>
    /// <returns>d_z; 0 when every difference is 0, ±∞ when every difference is the same non-zero value, NaN for fewer than two pairs.</returns>
    public static double Compute(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var d = Significance.PairedSamples.Differences(a, b);
        if (d.Length < 2)
        {
            return double.NaN;
        }

        var mean = Moments.Mean(d);
        var sd = Moments.StandardDeviation(d, mean);
        if (sd == 0)
        {
            return mean == 0 ? 0 : mean > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        return mean / sd;
    }
}
