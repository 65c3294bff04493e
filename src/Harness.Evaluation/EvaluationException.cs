namespace Harness.Evaluation;

/// <summary>
/// Bad input or arguments for an evaluation. <see cref="ExitCode"/> is what <c>harness eval</c> exits with:
/// 1 usage, 2 unreadable or malformed input or bad measure parameters, 4 a qrels query missing from the run, a docno
/// repeated within a query, or utility without 4 coefficients (trec_eval's "Can't calculate measure").
/// </summary>
public sealed class EvaluationException : Exception
{
    public EvaluationException()
        : this("evaluation failed", ExitCodes.Input)
    {
    }

    public EvaluationException(string message)
        : this(message, ExitCodes.Input)
    {
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Input;
    }

    public EvaluationException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit status this error maps to.</summary>
    public int ExitCode { get; }

    /// <summary>For a duplicate docno: the query it repeats in.</summary>
    public string? QueryId { get; init; }

    /// <summary>For a duplicate docno: the docno.</summary>
    public string? DocNo { get; init; }
}
