namespace Harness.Conformance;

/// <summary>The result of one conformance check on one plugin.</summary>
/// <param name="Subject">The plugin id (or a name for a bare instance).</param>
/// <param name="Check">What was checked, as a sentence fragment (<c>gradient reaches queries and documents</c>).</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Message">Details: what was observed when it failed, why it was skipped.</param>
public sealed record CheckResult(string Subject, string Check, CheckOutcome Outcome, string Message = "")
{
    /// <summary>One line: <c>PASS infonce: finite scalar</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var tag = Outcome switch { CheckOutcome.Passed => "PASS", CheckOutcome.Failed => "FAIL", _ => "SKIP" };
        return Message.Length == 0 ? $"{tag} {Subject}: {Check}" : $"{tag} {Subject}: {Check}: {Message}";
    }
}
