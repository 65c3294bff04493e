namespace Harness.Cli.Output;

/// <summary>Standard output was closed by its reader; <see cref="Program"/> ends quietly with <see cref="ExitStatus.StdoutClosed"/>.</summary>
internal sealed class StdoutClosedException(IOException inner) : IOException("standard output is closed", inner);
