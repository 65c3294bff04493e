using System.Runtime.InteropServices;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// Ends a <c>harness cell</c> process as soon as its cell is recorded. A normal exit runs libtorch's static destructors
/// (deregistering every operator: about 0.3 s of CPU on the benchmark machine, measured with perf, on the critical
/// path of <c>harness run</c>, which waits for the process to end). Everything the cell wrote is already closed (and
/// renamed into place) and the lock is released, so the process ends with <c>_exit(2)</c> once standard output and
/// error are flushed: no destructor, finalizer or atexit handler runs, and nothing is lost.
/// </summary>
internal static class CellProcessExit
{
    /// <summary>Flushes the console and ends the process with <paramref name="status"/> (returns only where <c>_exit</c> is not available).</summary>
    /// <param name="status">The exit status.</param>
    /// <returns><paramref name="status"/>, on systems without <c>_exit</c>.</returns>
    public static int Now(int status)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            Exit(status);
        }

        return status;
    }

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void Exit(int status);
}
