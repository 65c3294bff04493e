using Harness.Core.Progress;

namespace Harness.Cli.Output;

/// <summary>Chooses how a verb shows progress: a live display on a terminal, periodic plain lines otherwise (both on standard error).</summary>
internal static class ProgressDisplays
{
    /// <summary>Seconds between two plain progress lines of one stage.</summary>
    public const int LogIntervalSeconds = 10;

    /// <summary>The display for this process's standard error.</summary>
    /// <returns>The display; dispose it when the work ends.</returns>
    public static IProgressDisplay ForStandardError()
    {
        var dumb = Environment.GetEnvironmentVariable("TERM") is null or "dumb";
        return !Console.IsErrorRedirected && !dumb
            ? new SpectreProgressDisplay(Console.Error)
            : new LogProgressDisplay(Console.Error, TimeSpan.FromSeconds(LogIntervalSeconds));
    }
}
