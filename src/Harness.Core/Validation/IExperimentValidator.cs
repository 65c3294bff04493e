namespace Harness.Core.Validation;

/// <summary>
/// Checks one aspect of a matrix before anything runs and streams every problem it finds (never stops at the first).
/// </summary>
public interface IExperimentValidator
{
    /// <summary>Every problem this validator finds.</summary>
    /// <param name="context">The spec, the loaded plugins and the expanded cells.</param>
    /// <returns>The problems, possibly none.</returns>
    IEnumerable<ValidationProblem> Validate(ValidationContext context);
}
