namespace Harness.Cli;

/// <summary>
/// The exit statuses of every <c>harness</c> verb: one vocabulary, documented per verb in the README's CLI reference.
/// A runner (or a shell) can tell a failed check from bad input, an environment fault, an interruption and a closed
/// pipe without reading messages.
/// </summary>
internal static class ExitStatus
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>A check failed: a plugin failed conformance or could not be loaded, a matrix cell failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: a malformed or unknown argument or setting, a missing file or folder, a malformed line.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// The environment failed the work: a folder that cannot be written or read (permissions, a read-only file
    /// system), a full disk. Nothing already written is damaged; rerunning after fixing the cause is safe.
    /// </summary>
    public const int EnvironmentFault = 3;

    /// <summary><c>eval</c>: a qrels query has no results in the run and <c>-c</c> was not given (trec_eval's status).</summary>
    public const int MissingQuery = 4;

    /// <summary>
    /// <c>cell</c>: another live process holds the cell's lock, so this one did nothing (EX_TEMPFAIL, 75; the value
    /// lives in Core as <see cref="Harness.Core.Running.CellWorker.BusyExitCode"/> because the runner's child-process
    /// executor reads it there).
    /// </summary>
    public const int CellBusy = Harness.Core.Running.CellWorker.BusyExitCode;

    /// <summary>Interrupted by SIGINT or SIGTERM (128 + SIGINT, the shell convention); partial outputs were removed.</summary>
    public const int Interrupted = 130;

    /// <summary>Standard output was closed by its reader (<c>harness ... | head</c>): 128 + SIGPIPE, as a C program killed by SIGPIPE.</summary>
    public const int StdoutClosed = 141;
}
