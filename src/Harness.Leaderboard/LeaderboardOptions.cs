using Harness.Leaderboard.Comparisons;
using Harness.Statistics.Corrections;
using Harness.Statistics.Significance;

namespace Harness.Leaderboard;

/// <summary>How a leaderboard is built. Values left null come from <c>matrix.json</c> when the folder has one.</summary>
public sealed record LeaderboardOptions
{
    /// <summary>The baseline selector, axis → value (axes: dataset, encoder, loss, sampler, reranker, params). Null: <c>matrix.json</c>'s, else no baseline comparisons.</summary>
    public IReadOnlyDictionary<string, string>? Baseline { get; init; }

    /// <summary>The measure to rank by. Null: <c>matrix.json</c>'s, else nDCG@10 when present, else the first measure ordinally.</summary>
    public string? PrimaryMeasure { get; init; }

    /// <summary>Also compare every pair of configurations on the same dataset.</summary>
    public bool AllPairs { get; init; }

    /// <summary>The correction across all comparisons of the table (Holm by default).</summary>
    public CorrectionMethod Correction { get; init; } = CorrectionMethod.Holm;

    /// <summary>The test whose p-value is corrected and marks rows (randomization by default).</summary>
    public SignificanceTest Test { get; init; } = SignificanceTest.Randomization;

    /// <summary>Random permutations per randomization test.</summary>
    public int Permutations { get; init; } = RandomizationTest.DefaultPermutations;

    /// <summary>Seed of the randomization tests (each comparison derives its own from this and the configurations' names).</summary>
    public long Seed { get; init; }

    /// <summary>Significance level for the adjusted p-values.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Confidence level of the intervals over seeds.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
