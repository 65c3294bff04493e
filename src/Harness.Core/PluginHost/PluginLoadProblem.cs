namespace Harness.Core.PluginHost;

/// <summary>A plugin (or candidate file) the host skipped, and why. Other plugins are unaffected.</summary>
/// <param name="Path">The file or folder that was skipped.</param>
/// <param name="Reason">One line saying what is wrong.</param>
public sealed record PluginLoadProblem(string Path, string Reason)
{
    /// <summary>The line printed to the user: <c>plugin skipped: PATH: REASON</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"plugin skipped: {Path}: {Reason}";
}
