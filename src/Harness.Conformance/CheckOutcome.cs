namespace Harness.Conformance;

/// <summary>The outcome of one conformance check.</summary>
public enum CheckOutcome
{
    /// <summary>The plugin behaved as the contract requires.</summary>
    Passed,

    /// <summary>The plugin broke the contract; the message says how.</summary>
    Failed,

    /// <summary>The check could not run (for example a dataset plugin that needs a path); the message says why.</summary>
    Skipped,
}
