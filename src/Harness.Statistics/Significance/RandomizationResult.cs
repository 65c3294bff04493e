namespace Harness.Statistics.Significance;

/// <summary>The result of a paired randomization (sign-flip) test.</summary>
/// <param name="Count">Number of pairs.</param>
/// <param name="MeanDifference">Mean of a − b.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Permutations">Sign assignments evaluated (2^n when exact).</param>
/// <param name="Exact">Whether every sign assignment was enumerated (p is then exact, not estimated).</param>
public sealed record RandomizationResult(int Count, double MeanDifference, double PValue, long Permutations, bool Exact);
