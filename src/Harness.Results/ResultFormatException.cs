namespace Harness.Results;

/// <summary>A results file that cannot be read as the layout says: a missing column, a wrong type, broken JSON. The
/// message names the file (and the column or key where there is one) and fits on one line.</summary>
public sealed class ResultFormatException : Exception
{
    public ResultFormatException()
    {
    }

    public ResultFormatException(string message)
        : base(message)
    {
    }

    public ResultFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
