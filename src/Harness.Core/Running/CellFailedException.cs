namespace Harness.Core.Running;

/// <summary>A cell cannot finish, for a reason that is the cell's, not the harness's (the message says why in one line).</summary>
public sealed class CellFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CellFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the cell failed.</param>
    public CellFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the cell failed.</param>
    /// <param name="innerException">The cause.</param>
    public CellFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the cell diverged (a NaN or infinite loss) rather than failed.</summary>
    public bool Diverged { get; init; }
}
