namespace Harness.Core.Running;

/// <summary>How <see cref="ChildProcessCellExecutor"/> starts <c>harness cell</c>.</summary>
public sealed record ChildProcessCellExecutorOptions
{
    /// <summary>The harness executable (the running one, for <c>harness run</c>).</summary>
    public required string Executable { get; init; }

    /// <summary>The spec file.</summary>
    public required string SpecPath { get; init; }

    /// <summary>The results folder.</summary>
    public required string ResultsRoot { get; init; }

    /// <summary>Extra plugin folders (<c>--plugins</c>), passed on to each cell.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    /// <summary>The per-cell time limit (the spec's <c>timeout:</c>), if any.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>CPU threads each cell may use.</summary>
    public int ThreadsPerCell { get; init; } = 1;

    /// <summary>Whether cells refuse plugins not in plugins.lock (<c>--locked</c>).</summary>
    public bool Locked { get; init; }
}
