namespace Harness.Leaderboard.Comparisons;

/// <summary>Which paired test's p-value is corrected and decides the significance mark (both are always reported).</summary>
public enum SignificanceTest
{
    /// <summary>The paired randomization test (default).</summary>
    Randomization,

    /// <summary>The paired t-test.</summary>
    TTest,
}
