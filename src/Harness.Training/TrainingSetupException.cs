namespace Harness.Training;

/// <summary>Bad training input (options out of range, a checkpoint from another configuration, no trainable query):
/// the message is one line naming the option, file or plugin.</summary>
public sealed class TrainingSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line.</param>
    public TrainingSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">One line.</param>
    /// <param name="inner">The cause.</param>
    public TrainingSetupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TrainingSetupException()
    {
    }
}
