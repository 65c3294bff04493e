namespace Harness.Conformance;

/// <summary>Runs checks one by one: an exception inside a check is that check's failure, never the suite's.</summary>
internal sealed class CheckRecorder(string subject)
{
    private readonly List<CheckResult> _results = [];

    public string Subject { get; } = subject;

    public IReadOnlyList<CheckResult> Results => _results;

    /// <summary>Runs a check. The function returns null on success or what went wrong.</summary>
    public bool Run(string check, Func<string?> body)
    {
        string? failure;
        try
        {
            failure = body();
        }
        catch (Exception e)
        {
            failure = $"threw {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
        }

        _results.Add(new CheckResult(Subject, check, failure is null ? CheckOutcome.Passed : CheckOutcome.Failed, failure ?? string.Empty));
        return failure is null;
    }

    public void Skip(string check, string reason) => _results.Add(new CheckResult(Subject, check, CheckOutcome.Skipped, reason));

    public void Fail(string check, string message) => _results.Add(new CheckResult(Subject, check, CheckOutcome.Failed, message));
}
