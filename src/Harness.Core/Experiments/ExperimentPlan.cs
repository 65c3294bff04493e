using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>A validated matrix: the spec, its resolved cells and every problem found (critical ones mean nothing runs).</summary>
/// <param name="Spec">The spec, or null when it could not be read.</param>
/// <param name="Cells">The resolved cells (empty when there are critical problems).</param>
/// <param name="Problems">Every problem found, in the order found.</param>
public sealed record ExperimentPlan(ExperimentSpec? Spec, IReadOnlyList<ExperimentCell> Cells, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Whether the matrix may run.</summary>
    public bool IsValid => Spec is not null && !Problems.Any(p => p.IsCritical);

    /// <summary>The cell with an id, or null.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The cell.</returns>
    public ExperimentCell? Find(string id) => Cells.FirstOrDefault(c => c.Id == id);
}
