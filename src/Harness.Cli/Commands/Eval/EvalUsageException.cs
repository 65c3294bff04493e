namespace Harness.Cli.Commands.Eval;

/// <summary>A <c>harness eval</c> command line that cannot be understood (exit status 1, as trec_eval).</summary>
internal sealed class EvalUsageException : Exception
{
    public EvalUsageException()
    {
    }

    public EvalUsageException(string message)
        : base(message)
    {
    }

    public EvalUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
