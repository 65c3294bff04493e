namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// RocketQA's denoising of mined hard negatives (Qu et al., 2021, §4.2.2): a trained cross-encoder scores each mined
/// candidate and those it judges likely positive are dropped; the paper keeps as negatives only candidates with a
/// teacher probability below 0.1. The probability is the teacher's score read as a logit, σ(s) (<c>absolute</c>,
/// the paper's pointwise reading), or against the query's least-scored labelled positive, σ(s − s⁺) (<c>relative</c>:
/// the chance the candidate beats the positive, which does not depend on the score's offset, for teachers trained
/// with listwise or pairwise losses).
/// </summary>
/// <param name="Relative">True: σ(s − s⁺); false: σ(s).</param>
/// <param name="Threshold">Candidates with a probability above it are dropped (0.1 in the paper).</param>
public sealed record TeacherFilter(bool Relative, double Threshold)
{
    /// <summary>The teacher's probability that the candidate is relevant.</summary>
    /// <param name="score">The teacher's score of the candidate.</param>
    /// <param name="positive">The teacher's score of the positive (used when <see cref="Relative"/>).</param>
    /// <returns>A probability in (0, 1).</returns>
    public double Probability(double score, double positive) => 1 / (1 + Math.Exp(-(Relative ? score - positive : score)));

    /// <summary>Whether the candidate is dropped as a likely false negative.</summary>
    /// <param name="score">The teacher's score of the candidate.</param>
    /// <param name="positive">The teacher's score of the positive.</param>
    /// <returns>True when its probability exceeds <see cref="Threshold"/>.</returns>
    public bool Rejects(double score, double positive) => Probability(score, positive) > Threshold;
}
