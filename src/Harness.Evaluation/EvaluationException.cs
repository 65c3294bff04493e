namespace Harness.Evaluation;

/// <summary>Bad input or arguments for an evaluation; <see cref="Error"/> says which kind (the CLI maps it to an exit status).</summary>
public sealed class EvaluationException : Exception
{
    public EvaluationException()
        : this("evaluation failed", EvaluationError.Malformed)
    {
    }

    public EvaluationException(string message)
        : this(message, EvaluationError.Malformed)
    {
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = EvaluationError.Unreadable;
    }

    public EvaluationException(string message, EvaluationError error)
        : base(message)
    {
        Error = error;
    }

    /// <summary>What kind of problem this is.</summary>
    public EvaluationError Error { get; }

    /// <summary>For a duplicate docno or a missing query: the query id.</summary>
    public string? QueryId { get; init; }

    /// <summary>For a duplicate docno: the docno.</summary>
    public string? DocNo { get; init; }
}
