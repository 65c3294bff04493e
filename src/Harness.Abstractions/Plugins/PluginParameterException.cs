namespace Harness.Abstractions.Plugins;

/// <summary>Thrown when plugin parameters given by a spec or command line are unknown or invalid.</summary>
public sealed class PluginParameterException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    /// <param name="errors">One line per problem.</param>
    public PluginParameterException(IReadOnlyList<string> errors)
        : base(string.Join("; ", errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one message.</summary>
    /// <param name="message">What is wrong.</param>
    public PluginParameterException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PluginParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with no message.</summary>
    public PluginParameterException()
        : this("invalid plugin parameters")
    {
    }

    /// <summary>Every problem found, one per entry.</summary>
    public IReadOnlyList<string> Errors { get; }
}
