namespace Harness.Audits;

/// <summary>One result of an audit check.</summary>
/// <param name="Check">The check: <c>integrity</c>, <c>provenance</c> or <c>rerun</c>.</param>
/// <param name="Severity">Pass, warning or failure.</param>
/// <param name="CellId">The cell concerned (null for folder-wide findings).</param>
/// <param name="Subject">What it is about: a file (<c>metrics.parquet</c>), a plugin id, a dataset, a measure.</param>
/// <param name="Message">One line.</param>
public sealed record AuditFinding(string Check, AuditSeverity Severity, string? CellId, string? Subject, string Message)
{
    /// <summary>The finding as one line: <c>FAIL integrity cells/ID/metrics.parquet: message</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var level = Severity switch { AuditSeverity.Pass => "ok", AuditSeverity.Warning => "WARN", _ => "FAIL" };
        var where = (CellId, Subject) switch
        {
            (not null, not null) => $"cells/{CellId}/{Subject}: ",
            (not null, null) => $"cells/{CellId}: ",
            (null, not null) => $"{Subject}: ",
            _ => string.Empty,
        };
        return $"{level} {Check} {where}{Message}";
    }
}
