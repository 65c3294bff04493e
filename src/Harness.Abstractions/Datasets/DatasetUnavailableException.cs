namespace Harness.Abstractions.Datasets;

/// <summary>
/// Thrown by a dataset plugin when the data it reads is not on this machine (an index that has not been fetched, a
/// folder that is empty). The message says how to get it. The conformance suite reports such a dataset as skipped.
/// </summary>
public sealed class DatasetUnavailableException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public DatasetUnavailableException()
        : base("the dataset's files are not available")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and the command that produces it.</param>
    public DatasetUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is missing and the command that produces it.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
