namespace Harness.Leaderboard.Comparisons;

/// <summary>
/// One configuration compared with another on the primary measure, paired over the queries both have (each query's
/// value averaged over seeds first).
/// </summary>
/// <param name="Configuration">The configuration tested.</param>
/// <param name="Against">The configuration it is compared with (the baseline, or the other of a pair).</param>
/// <param name="Measure">The measure.</param>
/// <param name="Queries">Queries paired.</param>
/// <param name="MeanDifference">Mean over queries of configuration − against.</param>
/// <param name="RandomizationP">Two-sided p of the paired randomization test.</param>
/// <param name="TTestP">Two-sided p of the paired t-test.</param>
/// <param name="AdjustedP">The chosen test's p after the correction across the whole table.</param>
/// <param name="EffectSize">Cohen's d_z of the paired differences.</param>
/// <param name="Wins">Queries where the configuration scores higher.</param>
/// <param name="Losses">Queries where it scores lower.</param>
/// <param name="Ties">Queries where both score the same.</param>
/// <param name="Significant">Whether <paramref name="AdjustedP"/> is below the significance level.</param>
public sealed record Comparison(
    Aggregation.ConfigurationKey Configuration,
    Aggregation.ConfigurationKey Against,
    string Measure,
    int Queries,
    double MeanDifference,
    double RandomizationP,
    double TTestP,
    double AdjustedP,
    double EffectSize,
    int Wins,
    int Losses,
    int Ties,
    bool Significant);
