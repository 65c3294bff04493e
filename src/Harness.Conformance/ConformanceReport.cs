namespace Harness.Conformance;

/// <summary>All check results for one or more plugins.</summary>
/// <param name="Results">The results in the order the checks ran.</param>
public sealed record ConformanceReport(IReadOnlyList<CheckResult> Results)
{
    /// <summary>The failed checks.</summary>
    public IReadOnlyList<CheckResult> Failures => Results.Where(r => r.Outcome == CheckOutcome.Failed).ToList();

    /// <summary>True when no check failed.</summary>
    public bool Passed => Results.All(r => r.Outcome != CheckOutcome.Failed);

    /// <summary>One line per result.</summary>
    /// <returns>The report text.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Results);
}
