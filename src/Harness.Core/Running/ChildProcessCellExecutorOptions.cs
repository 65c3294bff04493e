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

    /// <summary>The per-cell memory limit in bytes (the spec's <c>memory:</c>), if any: a cell process whose resident
    /// memory goes over it is killed and recorded as out-of-memory.</summary>
    public long? MemoryLimit { get; init; }

    /// <summary>How often the cell process's memory is read (its peak is recorded when it dies).</summary>
    public TimeSpan MemoryPollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>CPU threads each cell may use.</summary>
    public int ThreadsPerCell { get; init; } = 1;

    /// <summary>Whether cells refuse plugins not in plugins.lock (<c>--locked</c>).</summary>
    public bool Locked { get; init; }
}
