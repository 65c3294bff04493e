using Harness.Audits.Reexecution;

namespace Harness.Audits;

/// <summary>Everything an audit found.</summary>
/// <param name="Directory">The results folder audited.</param>
/// <param name="Findings">Findings in check order (integrity, provenance, rerun).</param>
/// <param name="Reruns">The reruns' comparisons, in cell id order.</param>
/// <param name="Options">The options used.</param>
public sealed record AuditReport(string Directory, IReadOnlyList<AuditFinding> Findings, IReadOnlyList<CellComparison> Reruns, AuditOptions Options)
{
    /// <summary>The failures.</summary>
    public IEnumerable<AuditFinding> Failures => Findings.Where(f => f.Severity == AuditSeverity.Failure);

    /// <summary>Whether nothing failed.</summary>
    public bool Passed => !Failures.Any();
}
