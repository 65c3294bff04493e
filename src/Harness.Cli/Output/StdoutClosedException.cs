namespace Harness.Cli.Output;

/// <summary>
/// Standard output cannot be written: its reader went away (EPIPE) or it was closed outright (EBADF).
/// <see cref="Program"/> ends with <see cref="ExitStatus.StdoutClosed"/>.
/// </summary>
internal sealed class StdoutClosedException(Exception inner) : IOException("standard output is closed", inner)
{
    /// <summary>True when the reader went away (<c>harness ... | head</c>): the normal end of a pipeline, reported silently.</summary>
    public bool ReaderGone => InnerException is IOException { HResult: 32 };
}
