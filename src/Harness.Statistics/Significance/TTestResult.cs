namespace Harness.Statistics.Significance;

/// <summary>The result of a paired t-test.</summary>
/// <param name="Count">Number of pairs.</param>
/// <param name="MeanDifference">Mean of a − b.</param>
/// <param name="T">The t statistic (±∞ when every difference is the same non-zero value; NaN when all are zero or n &lt; 2).</param>
/// <param name="DegreesOfFreedom">n − 1.</param>
/// <param name="PValue">Two-sided p-value (1 when all differences are zero; 0 when they are all the same non-zero value; NaN for n &lt; 2).</param>
public sealed record TTestResult(int Count, double MeanDifference, double T, int DegreesOfFreedom, double PValue);
