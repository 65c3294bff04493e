namespace Harness.Core.Hosting;

/// <summary>
/// A plugin declared a host service the host cannot give it in this cell. The message is one line naming the plugin,
/// the service and what to change.
/// </summary>
public sealed class HostServiceUnavailableException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public HostServiceUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line naming the plugin and the service.</param>
    public HostServiceUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">One line naming the plugin and the service.</param>
    /// <param name="innerException">The cause.</param>
    public HostServiceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
