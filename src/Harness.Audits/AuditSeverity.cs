namespace Harness.Audits;

/// <summary>How much a finding matters.</summary>
public enum AuditSeverity
{
    /// <summary>A check that passed (kept so the report says what was checked).</summary>
    Pass,

    /// <summary>Worth knowing; does not fail the audit (for example a check that could not run here).</summary>
    Warning,

    /// <summary>A check failed; the audit exits non-zero.</summary>
    Failure,
}
