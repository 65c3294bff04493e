namespace Harness.Statistics.Descriptive;

/// <summary>A mean with its confidence interval and the sample standard deviation.</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Mean">The arithmetic mean (NaN when there are none).</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1 denominator; NaN for fewer than two values).</param>
/// <param name="Lower">Lower bound of the interval (NaN for fewer than two values).</param>
/// <param name="Upper">Upper bound of the interval (NaN for fewer than two values).</param>
/// <param name="Level">The confidence level, for example 0.95.</param>
public sealed record IntervalEstimate(int Count, double Mean, double StandardDeviation, double Lower, double Upper, double Level)
{
    /// <summary>Half the interval's width (NaN when there is no interval).</summary>
    public double HalfWidth => (Upper - Lower) / 2;
}
