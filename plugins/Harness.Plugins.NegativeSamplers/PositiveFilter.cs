namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// Positive-aware false-negative filters of NV-Retriever (Moreira et al., 2024): a mined candidate is rejected when its
/// score exceeds a share of the positive's score (TopK-PercPos, 95 % in the paper) or the positive's score minus a
/// margin (TopK-MarginPos, 0.05 in the paper).
/// </summary>
/// <param name="Margin">True: TopK-MarginPos; false: TopK-PercPos.</param>
/// <param name="Value">The percentage (as a fraction, 0.95) or the margin (0.05).</param>
public sealed record PositiveFilter(bool Margin, double Value)
{
    /// <summary>Whether a candidate with <paramref name="score"/> is rejected against the positive's score.</summary>
    /// <param name="score">The candidate's score.</param>
    /// <param name="positive">The positive's score.</param>
    /// <returns>True when it is a likely false negative.</returns>
    public bool Rejects(double score, double positive) => Margin ? score > positive - Value : score > positive * Value;
}
