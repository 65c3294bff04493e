using System.Runtime.InteropServices;

namespace Harness.Core.Caching;

/// <summary>
/// Named points in durable-write code where tests inject faults through the <c>HARNESS_FAULT</c> environment
/// variable: a comma-separated list of <c>kill@POINT</c> (the process sends itself SIGKILL there, as a crash or the
/// OOM killer would), <c>pause@POINT</c> (writes <c>fault point POINT reached</c> to stderr and waits to be signalled),
/// <c>enospc@POINT</c> (throws the IOException a full disk gives) and <c>no-rename-exchange</c> (forces the
/// two-rename fallback of <see cref="AtomicDirectory"/>). Unset in normal use: every check is one dictionary lookup.
/// </summary>
public static class FaultPoint
{
    /// <summary>The environment variable read once at start.</summary>
    public const string EnvironmentVariable = "HARNESS_FAULT";

    private const int SigKill = 9;
    private const int Enospc = 28;
    private static readonly Dictionary<string, string> Actions = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Whether a bare flag (for example <c>no-rename-exchange</c>) is set.</summary>
    /// <param name="flag">The flag.</param>
    /// <returns>True when set.</returns>
    public static bool IsSet(string flag) => Actions.ContainsKey(flag);

    /// <summary>Acts on the named point if a fault was requested there.</summary>
    /// <param name="point">The point's name, for example <c>output.exchanged</c>.</param>
    public static void Reach(string point) => Reach(point, CancellationToken.None);

    /// <summary>Acts on the named point if a fault was requested there; a pause there ends when the token is cancelled.</summary>
    /// <param name="point">The point's name.</param>
    /// <param name="cancellationToken">Ends a pause (with OperationCanceledException), as an interrupt would end the work.</param>
    public static void Reach(string point, CancellationToken cancellationToken)
    {
        if (Actions.Count == 0 || !Actions.TryGetValue(point, out var action))
        {
            return;
        }

        switch (action)
        {
            case "kill":
                Console.Error.Flush();
                _ = Kill(Environment.ProcessId, SigKill);
                Thread.Sleep(Timeout.Infinite);
                break;
            case "pause":
                Console.Error.WriteLine($"fault point {point} reached");
                Console.Error.Flush();
                cancellationToken.WaitHandle.WaitOne();
                cancellationToken.ThrowIfCancellationRequested();
                break;
            case "enospc":
                throw new IOException("No space left on device", Enospc);
            default:
                break;
        }
    }

    private static Dictionary<string, string> Parse(string? value)
    {
        var actions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = item.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                actions[item] = "flag";
            }
            else
            {
                actions[item[(at + 1)..]] = item[..at];
            }
        }

        return actions;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
