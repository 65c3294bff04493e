using Harness.Abstractions.NegativeSamplers;

namespace Harness.Training;

/// <summary>
/// What one training row handed the loss: its query, its positive(s) and the sampler's negatives exactly as the loss
/// saw them. Rows with the same <see cref="Step"/> formed one optimiser step, so the host can also tell which other
/// rows' documents were in-batch candidates. The trainer never looks at hidden positives; the host counts false
/// negatives from this record.
/// </summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Step">1-based optimiser step the row was trained in.</param>
/// <param name="QueryId">The training query.</param>
/// <param name="PositiveIds">The labelled positive(s) in the row.</param>
/// <param name="Sample">The sampler's output for the row (ids, shortfall, and any metadata the sampler set).</param>
/// <param name="Used">False when the row was left out of the loss (a shortfall with a loss that cannot mask).</param>
public sealed record NegativesRecord(
    int Epoch,
    long Step,
    string QueryId,
    IReadOnlyList<string> PositiveIds,
    NegativeSample Sample,
    bool Used = true);
