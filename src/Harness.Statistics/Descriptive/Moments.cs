namespace Harness.Statistics.Descriptive;

/// <summary>
/// Mean and sample standard deviation with a fixed summation order (left to right, two passes), so that the same
/// values in the same order always give the same bits: the leaderboard promises byte-identical output. MathNet's
/// streaming estimators use a different (one-pass, Welford-style) order, so these are written out here.
/// </summary>
public static class Moments
{
    /// <summary>The arithmetic mean (NaN for no values).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The mean.</returns>
    public static double Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum / values.Count;
    }

    /// <summary>The sample standard deviation (n − 1 denominator; NaN for fewer than two values).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The standard deviation.</returns>
    public static double StandardDeviation(IReadOnlyList<double> values) => StandardDeviation(values, Mean(values));

    /// <summary>The sample standard deviation around a given mean.</summary>
    /// <param name="values">The values.</param>
    /// <param name="mean">Their mean.</param>
    /// <returns>The standard deviation (NaN for fewer than two values).</returns>
    public static double StandardDeviation(IReadOnlyList<double> values, double mean)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            var d = values[i] - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / (values.Count - 1));
    }
}
